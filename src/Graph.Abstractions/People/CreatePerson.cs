namespace Graph.Abstractions.People;

/// <summary>Registers a person; without an id one is generated.</summary>
[GenerateSerializer, Immutable, Alias("graph.create-person")]
public sealed record CreatePerson(
    [property: Id(0)] string? Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string[] Aliases,
    [property: Id(3)] AffiliationDraft[] Affiliations,
    [property: Id(4)] bool CreateMissingActors = false);
