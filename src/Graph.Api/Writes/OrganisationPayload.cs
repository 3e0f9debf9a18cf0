using Graph.Projection.Reading;

namespace Graph.Api.Writes;

/// <summary>The organisation written, as the graph now shows it.</summary>
public sealed record OrganisationPayload(OrganisationView Organisation, IReadOnlyList<ActorView> CreatedActors, string ConsistencyToken);
