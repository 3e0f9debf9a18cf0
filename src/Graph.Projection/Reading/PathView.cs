namespace Graph.Projection.Reading;

/// <summary>A path between two actors: its nodes in order and the relationships between them.</summary>
public sealed record PathView(IReadOnlyList<PathNodeView> Nodes, IReadOnlyList<PathStepView> Steps)
{
    public int Length => Steps.Count;
}
