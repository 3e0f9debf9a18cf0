namespace Graph.Abstractions.People;

/// <summary>A person's affiliation with an organisation was recorded.</summary>
[GenerateSerializer, Immutable, Alias("graph.person-affiliated")]
public sealed record PersonAffiliated(
    string PersonId,
    [property: Id(0)] Affiliation Affiliation) : PersonEvent(PersonId)
{
    public const string TypeName = "person-affiliated";
}
