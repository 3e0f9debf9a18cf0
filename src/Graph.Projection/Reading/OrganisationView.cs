using Graph.Abstractions.Organisations;

namespace Graph.Projection.Reading;

/// <summary>An organisation as the graph shows it.</summary>
public sealed record OrganisationView(
    string Id,
    string Name,
    IReadOnlyList<string> Aliases,
    OrganisationKind Kind,
    string? ParentId,
    IReadOnlyList<ExternalId> ExternalIds) : ActorView(Id, Name, Aliases);
