namespace Graph.Abstractions.Organisations;

/// <summary>An organisation's aliases were replaced by a new set.</summary>
[GenerateSerializer, Immutable, Alias("graph.organisation-aliases-changed")]
public sealed record OrganisationAliasesChanged(
    string OrganisationId,
    [property: Id(0)] string[] Aliases) : OrganisationEvent(OrganisationId)
{
    public const string TypeName = "organisation-aliases-changed";
}
