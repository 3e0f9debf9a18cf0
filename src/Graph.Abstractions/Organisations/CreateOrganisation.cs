using Graph.Abstractions.Actors;

namespace Graph.Abstractions.Organisations;

/// <summary>Registers an organisation; without an id one is generated.</summary>
[GenerateSerializer, Immutable, Alias("graph.create-organisation")]
public sealed record CreateOrganisation(
    [property: Id(0)] string? Id,
    [property: Id(1)] string Name,
    [property: Id(2)] OrganisationKind Kind,
    [property: Id(3)] string[] Aliases,
    [property: Id(4)] ActorReference? Parent,
    [property: Id(5)] ExternalId[] ExternalIds,
    [property: Id(6)] bool CreateMissingActors = false);
