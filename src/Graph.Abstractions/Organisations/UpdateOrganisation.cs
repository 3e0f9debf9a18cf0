using Graph.Abstractions.Actors;

namespace Graph.Abstractions.Organisations;

/// <summary>Changes an organisation; a null field is left as it is.</summary>
/// <param name="Aliases">The new full set of aliases.</param>
/// <param name="RemoveParent">Removes the parent organisation.</param>
/// <param name="ExternalIds">The new full set of external ids.</param>
[GenerateSerializer, Immutable, Alias("graph.update-organisation")]
public sealed record UpdateOrganisation(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Name = null,
    [property: Id(2)] OrganisationKind? Kind = null,
    [property: Id(3)] string[]? Aliases = null,
    [property: Id(4)] ActorReference? Parent = null,
    [property: Id(5)] bool RemoveParent = false,
    [property: Id(6)] ExternalId[]? ExternalIds = null,
    [property: Id(7)] bool CreateMissingActors = false);
