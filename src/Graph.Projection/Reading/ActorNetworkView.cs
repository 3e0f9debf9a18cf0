namespace Graph.Projection.Reading;

/// <summary>Statements collapsed into weighted actor-to-actor edges, with the actors they join.</summary>
public sealed record ActorNetworkView(IReadOnlyList<ActorView> Nodes, IReadOnlyList<WeightedEdgeView> Edges);
