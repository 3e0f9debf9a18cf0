namespace Graph.Abstractions.People;

/// <summary>A person was renamed.</summary>
[GenerateSerializer, Immutable, Alias("graph.person-renamed")]
public sealed record PersonRenamed(
    string PersonId,
    [property: Id(0)] string Name,
    [property: Id(1)] string PreviousName) : PersonEvent(PersonId)
{
    public const string TypeName = "person-renamed";
}
