namespace Graph.Abstractions.People;

/// <summary>A person was registered.</summary>
[GenerateSerializer, Immutable, Alias("graph.person-registered")]
public sealed record PersonRegistered(
    string PersonId,
    [property: Id(0)] string Name,
    [property: Id(1)] string[] Aliases,
    [property: Id(2)] Affiliation[] Affiliations) : PersonEvent(PersonId)
{
    public const string TypeName = "person-registered";
}
