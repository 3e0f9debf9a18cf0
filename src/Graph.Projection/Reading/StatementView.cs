using Graph.Abstractions.Statements;

namespace Graph.Projection.Reading;

/// <summary>A statement with every role resolved, as one read returns it.</summary>
public sealed record StatementView(
    string Id,
    StatementKind Kind,
    string CameoCode,
    ActorView Speaker,
    OrganisationView? OnBehalfOf,
    IReadOnlyList<ActorView> Addressees,
    IReadOnlyList<ActorView> Exemplars,
    IReadOnlyList<ActorView> Beneficiaries,
    IReadOnlyList<ActorView> Subjects,
    IReadOnlyList<TopicView> Topics,
    string? RespondsToId,
    string? Quote,
    string? Summary,
    PartialDate? SaidOn,
    IReadOnlyList<SourceView> Sources,
    DateTimeOffset RecordedAt,
    double? Confidence,
    RetractionView? Retraction);
