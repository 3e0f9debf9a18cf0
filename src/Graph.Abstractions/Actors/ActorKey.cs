namespace Graph.Abstractions.Actors;

/// <summary>Identifies an actor together with its type, so callers know which grain holds it.</summary>
[GenerateSerializer, Immutable, Alias("graph.actor-key")]
public sealed record ActorKey([property: Id(0)] string Id, [property: Id(1)] ActorType Type);
