namespace Graph.Embedded;

/// <summary>A node of the embedded graph: its labels, its properties and its relationships in both directions.</summary>
public sealed class GraphNode
{
    private Adjacency _outgoing;
    private Adjacency _incoming;

    internal GraphNode(string id, IReadOnlyList<string> labels, PropertyShape shape)
    {
        Id = id;
        Labels = labels;
        Shape = shape;
    }

    public string Id { get; }

    public IReadOnlyList<string> Labels { get; }

    /// <summary>The keys of <see cref="Values"/>.</summary>
    internal PropertyShape Shape { get; set; }

    internal object?[] Values { get; set; } = [];

    /// <summary>A copy of every property, for dumps and comparisons; reads use <see cref="Get"/>.</summary>
    public IReadOnlyDictionary<string, object?> Properties => PropertyShape.ToDictionary(Shape, Values);

    public long Version { get; set; }

    /// <summary>
    /// For an actor, the other actors it is linked to and by how many links: relationships between the two, and
    /// statements one made with the other in a role other than addressee (an addressee has its own relationship), not
    /// counting retracted ones. Kept by <see cref="InMemoryGraph"/>, so a hub's most linked neighbours are found without
    /// walking its hundreds of thousands of statements.
    /// </summary>
    internal Dictionary<GraphNode, int>? LinkedActors { get; set; }

    /// <summary>A statement's place in the graph's <see cref="StatementBits"/>; -1 for other nodes.</summary>
    internal int Slot { get; set; } = -1;

    /// <summary>Every relationship starting here.</summary>
    public IEnumerable<GraphRelationship> Outgoing => _outgoing.All;

    /// <summary>Every relationship ending here.</summary>
    public IEnumerable<GraphRelationship> Incoming => _incoming.All;

    /// <summary>How many relationships start or end here.</summary>
    public int Degree => _outgoing.Count + _incoming.Count;

    public bool HasLabel(string label)
    {
        // Read for every relationship a traversal steps over: a loop, not LINQ over the interface.
        var labels = Labels;
        for (var i = 0; i < labels.Count; i++)
        {
            if (string.Equals(labels[i], label, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A property's value, or null when the node does not have it.</summary>
    public object? Get(string key) => Shape.IndexOf(key) is var index and >= 0 ? Values[index] : null;

    public string? GetString(string key) => Get(key) as string;

    /// <summary>The relationships of one type starting here.</summary>
    public IReadOnlyList<GraphRelationship> Out(string type) => _outgoing.OfType(type);

    /// <summary>The relationships of one type ending here.</summary>
    public IReadOnlyList<GraphRelationship> In(string type) => _incoming.OfType(type);

    /// <summary>Whether a relationship of the type starts here, ending at the node with the id when one is given.</summary>
    public bool HasOut(string type, string? toId = null) => _outgoing.Has(type, toId, outgoing: true);

    /// <summary>Whether a relationship of the type ends here, starting at the node with the id when one is given.</summary>
    public bool HasIn(string type, string? fromId = null) => _incoming.Has(type, fromId, outgoing: false);

    /// <summary>The relationships of any of these types starting here.</summary>
    public IEnumerable<GraphRelationship> Out(IReadOnlySet<string> types) => _outgoing.OfTypes(types);

    /// <summary>The relationships of any of these types ending here.</summary>
    public IEnumerable<GraphRelationship> In(IReadOnlySet<string> types) => _incoming.OfTypes(types);

    internal void AddOutgoing(GraphRelationship relationship) => _outgoing.Add(relationship);

    internal void AddIncoming(GraphRelationship relationship) => _incoming.Add(relationship);

    internal void RemoveOutgoing(GraphRelationship relationship) => _outgoing.Remove(relationship);

    internal void RemoveIncoming(GraphRelationship relationship) => _incoming.Remove(relationship);
}
