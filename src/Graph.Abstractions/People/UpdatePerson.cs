namespace Graph.Abstractions.People;

/// <summary>Changes a person; a null field is left as it is.</summary>
/// <param name="Aliases">The new full set of aliases.</param>
/// <param name="Affiliations">The new full set of affiliations.</param>
[GenerateSerializer, Immutable, Alias("graph.update-person")]
public sealed record UpdatePerson(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Name = null,
    [property: Id(2)] string[]? Aliases = null,
    [property: Id(3)] AffiliationDraft[]? Affiliations = null,
    [property: Id(4)] bool CreateMissingActors = false);
