using Graph.Projection.Model;

namespace Graph.Neo4j;

/// <summary>
/// A batch of graph changes folded into UNWIND rows: one row per node (its property changes merged in log order, at
/// its newest version), and per relationship only its last change, an upsert or a removal.
/// </summary>
internal sealed class BatchPlan
{
    private BatchPlan(
        IReadOnlyList<(IReadOnlyList<string> Labels, IReadOnlyList<Dictionary<string, object?>> Rows)> nodes,
        IReadOnlyList<(string Type, IReadOnlyList<Dictionary<string, object?>> Rows)> upserts,
        IReadOnlyList<(string Type, IReadOnlyList<Dictionary<string, object?>> Rows)> removals)
    {
        Nodes = nodes;
        Upserts = upserts;
        Removals = removals;
    }

    public IReadOnlyList<(IReadOnlyList<string> Labels, IReadOnlyList<Dictionary<string, object?>> Rows)> Nodes { get; }

    public IReadOnlyList<(string Type, IReadOnlyList<Dictionary<string, object?>> Rows)> Upserts { get; }

    public IReadOnlyList<(string Type, IReadOnlyList<Dictionary<string, object?>> Rows)> Removals { get; }

    public static BatchPlan Of(IReadOnlyList<GraphChange> changes)
    {
        var nodes = new Dictionary<string, (IReadOnlyList<string> Labels, Dictionary<string, object?> Properties, long Version)>(StringComparer.Ordinal);
        var nodeOrder = new List<string>();
        var relationships = new Dictionary<(string Type, string From, string To, string? Key), GraphChange>();
        var relationshipOrder = new List<(string, string, string, string?)>();
        foreach (var change in changes)
        {
            switch (change)
            {
                case NodeUpsert node when nodes.TryGetValue(node.Id, out var folded):
                    foreach (var (key, value) in node.Properties)
                    {
                        folded.Properties[key] = value;
                    }

                    nodes[node.Id] = folded with { Version = Math.Max(folded.Version, node.Version) };
                    break;
                case NodeUpsert node:
                    nodes[node.Id] = (node.Labels, new Dictionary<string, object?>(node.Properties, StringComparer.Ordinal), node.Version);
                    nodeOrder.Add(node.Id);
                    break;
                case RelationshipUpsert upsert:
                    Remember((upsert.Type, upsert.FromId, upsert.ToId, upsert.Key), upsert);
                    break;
                case RelationshipRemoval removal:
                    Remember((removal.Type, removal.FromId, removal.ToId, removal.Key), removal);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown graph change {change.GetType().Name}.");
            }
        }

        return new BatchPlan(
            [.. nodeOrder
                .Select(id => (Id: id, Node: nodes[id]))
                .GroupBy(n => n.Node.Labels[0], StringComparer.Ordinal)
                .Select(g => ((IReadOnlyList<string>)g.First().Node.Labels, (IReadOnlyList<Dictionary<string, object?>>)[.. g.Select(n => NodeRow(n.Id, n.Node.Properties, n.Node.Version))]))],
            Group<RelationshipUpsert>(relationships, relationshipOrder, u => Row(u.FromId, u.ToId, u.Key, u.Properties)),
            Group<RelationshipRemoval>(relationships, relationshipOrder, r => Row(r.FromId, r.ToId, r.Key, null)));

        void Remember((string, string, string, string?) key, GraphChange change)
        {
            if (!relationships.ContainsKey(key))
            {
                relationshipOrder.Add(key);
            }

            relationships[key] = change;
        }
    }

    private static List<(string Type, IReadOnlyList<Dictionary<string, object?>> Rows)> Group<T>(
        Dictionary<(string Type, string From, string To, string? Key), GraphChange> relationships,
        List<(string Type, string From, string To, string? Key)> order,
        Func<T, Dictionary<string, object?>> row)
        where T : GraphChange =>
        [.. order
            .Where(key => relationships[key] is T)
            .GroupBy(key => key.Type, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<Dictionary<string, object?>>)[.. g.Select(key => row((T)relationships[key]))]))];

    private static Dictionary<string, object?> NodeRow(string id, Dictionary<string, object?> properties, long version) =>
        new() { ["id"] = id, ["version"] = version, ["properties"] = properties };

    private static Dictionary<string, object?> Row(string from, string to, string? key, IReadOnlyDictionary<string, object?>? properties) => new()
    {
        ["from"] = from,
        ["to"] = to,
        ["key"] = key,
        ["properties"] = properties is null ? null : new Dictionary<string, object?>(properties.Where(p => p.Value is not null), StringComparer.Ordinal),
    };
}
