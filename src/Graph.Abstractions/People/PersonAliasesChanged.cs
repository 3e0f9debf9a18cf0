namespace Graph.Abstractions.People;

/// <summary>A person's aliases were replaced by a new set.</summary>
[GenerateSerializer, Immutable, Alias("graph.person-aliases-changed")]
public sealed record PersonAliasesChanged(
    string PersonId,
    [property: Id(0)] string[] Aliases) : PersonEvent(PersonId)
{
    public const string TypeName = "person-aliases-changed";
}
