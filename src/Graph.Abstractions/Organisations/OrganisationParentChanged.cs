namespace Graph.Abstractions.Organisations;

/// <summary>An organisation became part of another, or stopped being part of one.</summary>
[GenerateSerializer, Immutable, Alias("graph.organisation-parent-changed")]
public sealed record OrganisationParentChanged(
    string OrganisationId,
    [property: Id(0)] string? ParentId,
    [property: Id(1)] string? PreviousParentId) : OrganisationEvent(OrganisationId)
{
    public const string TypeName = "organisation-parent-changed";
}
