using Graph.Abstractions.Statements;

namespace Graph.Projection.Reading;

/// <summary>
/// A statement as one read returns it: its properties, its topics and sources, and the ids of the actors in each role
/// (in the order recorded), which a reader of actors resolves when they are wanted.
/// </summary>
public sealed record StatementView(
    string Id,
    StatementKind Kind,
    string CameoCode,
    string SpeakerId,
    string? OnBehalfOfId,
    IReadOnlyList<string> AddresseeIds,
    IReadOnlyList<string> ExemplarIds,
    IReadOnlyList<string> BeneficiaryIds,
    IReadOnlyList<string> SubjectIds,
    IReadOnlyList<TopicView> Topics,
    string? RespondsToId,
    string? Quote,
    string? Summary,
    PartialDate? SaidOn,
    IReadOnlyList<SourceView> Sources,
    DateTimeOffset RecordedAt,
    double? Confidence,
    RetractionView? Retraction)
{
    /// <summary>Every actor the statement names, the speaker first, each once.</summary>
    public IEnumerable<string> ActorIds =>
        new[] { SpeakerId, OnBehalfOfId }.OfType<string>().Concat(AddresseeIds).Concat(ExemplarIds).Concat(BeneficiaryIds).Concat(SubjectIds).Distinct(StringComparer.Ordinal);
}
