namespace Graph.Abstractions.Organisations;

/// <summary>An organisation was renamed.</summary>
[GenerateSerializer, Immutable, Alias("graph.organisation-renamed")]
public sealed record OrganisationRenamed(
    string OrganisationId,
    [property: Id(0)] string Name,
    [property: Id(1)] string PreviousName) : OrganisationEvent(OrganisationId)
{
    public const string TypeName = "organisation-renamed";
}
