using Graph.Projection.Reading;

namespace Graph.Api.Writes;

/// <summary>The statement written, as the graph now shows it.</summary>
public sealed record StatementPayload(StatementView Statement, IReadOnlyList<ActorView> CreatedActors, string ConsistencyToken);
