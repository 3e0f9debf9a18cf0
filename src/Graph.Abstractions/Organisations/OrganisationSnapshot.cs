namespace Graph.Abstractions.Organisations;

/// <summary>An organisation as its grain holds it now.</summary>
[GenerateSerializer, Immutable, Alias("graph.organisation-snapshot")]
public sealed record OrganisationSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] OrganisationKind Kind,
    [property: Id(3)] string[] Aliases,
    [property: Id(4)] string? ParentId,
    [property: Id(5)] ExternalId[] ExternalIds);
