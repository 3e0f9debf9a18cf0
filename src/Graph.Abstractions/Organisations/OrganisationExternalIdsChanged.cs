namespace Graph.Abstractions.Organisations;

/// <summary>An organisation's external ids were replaced by a new set.</summary>
[GenerateSerializer, Immutable, Alias("graph.organisation-external-ids-changed")]
public sealed record OrganisationExternalIdsChanged(
    string OrganisationId,
    [property: Id(0)] ExternalId[] ExternalIds) : OrganisationEvent(OrganisationId)
{
    public const string TypeName = "organisation-external-ids-changed";
}
