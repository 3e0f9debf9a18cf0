namespace Graph.Projection.Reading;

/// <summary>A network of actors, ready to draw: the actors and the edges between them.</summary>
/// <param name="Truncated">Whether more actors were within reach than the network was allowed to hold.</param>
public sealed record NetworkView(IReadOnlyList<ActorView> Nodes, IReadOnlyList<NetworkEdgeView> Edges, bool Truncated = false)
{
    /// <summary>The most hops out an ego network may reach.</summary>
    public const int MaxDepth = 3;
}
