namespace Graph.Projection.Embedded;

/// <summary>A node of the embedded graph.</summary>
public sealed class GraphNode(string id, IReadOnlyList<string> labels)
{
    public string Id { get; } = id;

    public IReadOnlyList<string> Labels { get; } = labels;

    public Dictionary<string, object?> Properties { get; } = new(StringComparer.Ordinal);

    public long Version { get; set; }

    public List<GraphRelationship> Outgoing { get; } = [];

    public List<GraphRelationship> Incoming { get; } = [];

    public bool HasLabel(string label) => Labels.Contains(label);

    public string? GetString(string key) => Properties.GetValueOrDefault(key) as string;

    public IEnumerable<GraphRelationship> Out(string type) => Outgoing.Where(r => r.Type == type);

    public IEnumerable<GraphRelationship> In(string type) => Incoming.Where(r => r.Type == type);
}
