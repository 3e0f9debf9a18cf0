namespace Graph.Projection.Embedded;

/// <summary>A relationship of the embedded graph.</summary>
public sealed class GraphRelationship(string type, GraphNode from, GraphNode to, string? key)
{
    public string Type { get; } = type;

    public GraphNode From { get; } = from;

    public GraphNode To { get; } = to;

    public string? Key { get; } = key;

    public Dictionary<string, object?> Properties { get; set; } = new(StringComparer.Ordinal);

    public long Ordinal => Properties.GetValueOrDefault("ordinal") is long ordinal ? ordinal : 0;
}
