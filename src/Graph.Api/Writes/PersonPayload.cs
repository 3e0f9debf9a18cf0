using Graph.Projection.Reading;

namespace Graph.Api.Writes;

/// <summary>The person written, as the graph now shows them.</summary>
public sealed record PersonPayload(PersonView Person, IReadOnlyList<ActorView> CreatedActors, string ConsistencyToken);
