namespace Graph.Abstractions.People;

/// <summary>A person as its grain holds them now.</summary>
[GenerateSerializer, Immutable, Alias("graph.person-snapshot")]
public sealed record PersonSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string[] Aliases,
    [property: Id(3)] Affiliation[] Affiliations);
