namespace Graph.Projection.Reading;

/// <summary>A network of actors, ready to draw: the actors and the edges between them.</summary>
public sealed record NetworkView(IReadOnlyList<ActorView> Nodes, IReadOnlyList<NetworkEdgeView> Edges)
{
    /// <summary>The most hops out an ego network may reach.</summary>
    public const int MaxDepth = 3;
}
