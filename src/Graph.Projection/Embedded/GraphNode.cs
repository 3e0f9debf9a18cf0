namespace Graph.Projection.Embedded;

/// <summary>A node of the embedded graph, its relationships kept by type so a hub's few of one type are found at once.</summary>
public sealed class GraphNode(string id, IReadOnlyList<string> labels)
{
    // A handful of types per node: a short list beats a dictionary in speed and memory.
    private readonly List<(string Type, List<GraphRelationship> Relationships)> _outgoing = [];
    private readonly List<(string Type, List<GraphRelationship> Relationships)> _incoming = [];

    public string Id { get; } = id;

    public IReadOnlyList<string> Labels { get; } = labels;

    public Dictionary<string, object?> Properties { get; } = new(StringComparer.Ordinal);

    public long Version { get; set; }

    /// <summary>Every relationship starting here.</summary>
    public IEnumerable<GraphRelationship> Outgoing => _outgoing.SelectMany(g => g.Relationships);

    /// <summary>Every relationship ending here.</summary>
    public IEnumerable<GraphRelationship> Incoming => _incoming.SelectMany(g => g.Relationships);

    public bool HasLabel(string label) => Labels.Contains(label);

    public string? GetString(string key) => Properties.GetValueOrDefault(key) as string;

    /// <summary>The relationships of one type starting here.</summary>
    public IReadOnlyList<GraphRelationship> Out(string type) => Of(_outgoing, type);

    /// <summary>The relationships of one type ending here.</summary>
    public IReadOnlyList<GraphRelationship> In(string type) => Of(_incoming, type);

    /// <summary>The relationships of any of these types starting here.</summary>
    public IEnumerable<GraphRelationship> Out(IReadOnlySet<string> types) => _outgoing.Where(g => types.Contains(g.Type)).SelectMany(g => g.Relationships);

    /// <summary>The relationships of any of these types ending here.</summary>
    public IEnumerable<GraphRelationship> In(IReadOnlySet<string> types) => _incoming.Where(g => types.Contains(g.Type)).SelectMany(g => g.Relationships);

    internal void AddOutgoing(GraphRelationship relationship) => Group(_outgoing, relationship.Type).Add(relationship);

    internal void AddIncoming(GraphRelationship relationship) => Group(_incoming, relationship.Type).Add(relationship);

    internal void RemoveOutgoing(GraphRelationship relationship) => Group(_outgoing, relationship.Type).Remove(relationship);

    internal void RemoveIncoming(GraphRelationship relationship) => Group(_incoming, relationship.Type).Remove(relationship);

    private static IReadOnlyList<GraphRelationship> Of(List<(string Type, List<GraphRelationship> Relationships)> groups, string type)
    {
        foreach (var (groupType, relationships) in groups)
        {
            if (groupType == type)
            {
                return relationships;
            }
        }

        return [];
    }

    private static List<GraphRelationship> Group(List<(string Type, List<GraphRelationship> Relationships)> groups, string type)
    {
        foreach (var (groupType, relationships) in groups)
        {
            if (groupType == type)
            {
                return relationships;
            }
        }

        var created = new List<GraphRelationship>(1);
        groups.Add((type, created));
        return created;
    }
}
