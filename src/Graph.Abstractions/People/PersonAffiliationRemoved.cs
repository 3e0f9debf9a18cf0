namespace Graph.Abstractions.People;

/// <summary>A person's affiliation was removed from the record.</summary>
[GenerateSerializer, Immutable, Alias("graph.person-affiliation-removed")]
public sealed record PersonAffiliationRemoved(
    string PersonId,
    [property: Id(0)] Affiliation Affiliation) : PersonEvent(PersonId)
{
    public const string TypeName = "person-affiliation-removed";
}
