using Graph.Neo4j.Cypher;
using Graph.Projection.Model;

namespace Graph.Neo4j;

/// <summary>
/// A batch of graph changes folded into the parameters of <see cref="CypherStatements.ApplyBatch"/>: one row per node
/// (its property changes merged in log order, at its newest version), and per relationship its last change, an upsert
/// or a removal, with a removal as well when an upsert follows one (the batch applies removals first, so a relationship
/// a statement's correction removes and writes again ends up written once); every label and type has its list in
/// <c>$batch</c>, empty or not.
/// </summary>
internal static class BatchPlan
{
    public static Dictionary<string, object?> Parameters(GraphBatch batch)
    {
        var nodes = new Dictionary<string, (IReadOnlyList<string> Labels, Dictionary<string, object?> Properties, long Version)>(StringComparer.Ordinal);
        var nodeOrder = new List<string>();
        var relationships = new Dictionary<(string Type, string From, string To, string? Key), GraphChange>();
        var relationshipOrder = new List<(string Type, string From, string To, string? Key)>();
        var removedOnTheWay = new HashSet<(string Type, string From, string To, string? Key)>();
        foreach (var change in batch.Changes)
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

        var rows = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var labels in CypherStatements.NodeLabelSets)
        {
            rows[CypherStatements.NodeRows(labels[0])] = nodeOrder
                .Where(id => nodes[id].Labels[0] == labels[0])
                .Select(id => NodeRow(id, nodes[id].Properties, nodes[id].Version))
                .ToList();
        }

        foreach (var shape in CypherStatements.RelationshipShapes)
        {
            rows[CypherStatements.UpsertRows(shape.Type)] = Rows<RelationshipUpsert>(shape.Type, u => Row(u.FromId, u.ToId, u.Key, u.Properties));
            rows[CypherStatements.RemovalRows(shape.Type)] = relationshipOrder
                .Where(key => key.Type == shape.Type && (relationships[key] is RelationshipRemoval || removedOnTheWay.Contains(key)))
                .Select(key => Row(key.From, key.To, key.Key, null))
                .ToList();
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = CypherStatements.CheckpointName,
            ["from"] = batch.FromCheckpoint,
            ["to"] = batch.ToCheckpoint,
            ["batch"] = rows,
        };

        void Remember((string, string, string, string?) key, GraphChange change)
        {
            if (!relationships.TryGetValue(key, out var earlier))
            {
                relationshipOrder.Add(key);
            }
            else if (earlier is RelationshipRemoval)
            {
                removedOnTheWay.Add(key);
            }

            relationships[key] = change;
        }

        List<Dictionary<string, object?>> Rows<T>(string type, Func<T, Dictionary<string, object?>> row)
            where T : GraphChange =>
            [.. relationshipOrder.Where(key => key.Type == type && relationships[key] is T).Select(key => row((T)relationships[key]))];
    }

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
