namespace Graph.Abstractions.Organisations;

/// <summary>An organisation was registered.</summary>
[GenerateSerializer, Immutable, Alias("graph.organisation-registered")]
public sealed record OrganisationRegistered(
    string OrganisationId,
    [property: Id(0)] string Name,
    [property: Id(1)] OrganisationKind Kind,
    [property: Id(2)] string[] Aliases,
    [property: Id(3)] string? ParentId,
    [property: Id(4)] ExternalId[] ExternalIds) : OrganisationEvent(OrganisationId)
{
    public const string TypeName = "organisation-registered";
}
