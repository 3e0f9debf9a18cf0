namespace Graph.Abstractions.Organisations;

/// <summary>An organisation's kind was changed.</summary>
[GenerateSerializer, Immutable, Alias("graph.organisation-reclassified")]
public sealed record OrganisationReclassified(
    string OrganisationId,
    [property: Id(0)] OrganisationKind Kind) : OrganisationEvent(OrganisationId)
{
    public const string TypeName = "organisation-reclassified";
}
