using System.Text.Json;
using Graph.Neo4j.Cypher;
using Graph.Neo4j.Tests.Fake;

namespace Graph.Neo4j.Tests.Outage;

/// <summary>
/// What the project's own Cypher statements do to a graph, modelled for the Query API fake: the checkpoint's
/// compare-and-set, the projection's lease (expiring by the fake's clock), nodes merged on id with the version guard, relationships created (those written once) or merged
/// between existing ends, and removals. A relationship created twice is there twice, as in Neo4j. Writes in an explicit
/// transaction take effect at its commit, and are lost at its rollback.
/// </summary>
/// <remarks>It knows statements by their exact text from <see cref="CypherStatements"/>; anything else is a syntax error.</remarks>
internal sealed class FakeGraphModel
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Func<State, FakeStatement, FakeResult>> _statements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, State> _transactions = new(StringComparer.Ordinal);
    private State _committed = new();

    public FakeGraphModel()
    {
        foreach (var statement in CypherStatements.Schema)
        {
            _statements[statement.Text] = (_, _) => FakeResult.Empty;
        }

        _statements[CypherStatements.ReadCheckpoint.Text] = (state, _) =>
            state.Checkpoint is { } position ? FakeResult.Row(["position"], position) : FakeResult.Empty;
        _statements[CypherStatements.ApplyBatch.Text] = ApplyBatch;
        _statements[CypherStatements.CountNodes.Text] = (state, _) => FakeResult.Row(["nodes"], (long)state.Nodes.Count);
        _statements[CypherStatements.TakeLease.Text] = TakeLease;
        _statements[CypherStatements.ReleaseLease.Text] = (state, statement) =>
        {
            if (state.LeaseHolder == statement.Parameters["holder"].GetString())
            {
                state.LeaseHolder = null;
            }

            return FakeResult.Empty;
        };
    }

    /// <summary>Every process that took the lease, in order, once for each time it took it from another or from nobody.</summary>
    public IReadOnlyList<string> LeaseHolders
    {
        get
        {
            lock (_lock)
            {
                return [.. _committed.LeaseHolders];
            }
        }
    }

    /// <summary>The committed nodes: id, labels and properties.</summary>
    public IReadOnlyDictionary<string, (IReadOnlyList<string> Labels, Dictionary<string, JsonElement> Properties, long Version)> Nodes
    {
        get
        {
            lock (_lock)
            {
                return _committed.Nodes.ToDictionary(n => n.Key, n => ((IReadOnlyList<string>)n.Value.Labels, new Dictionary<string, JsonElement>(n.Value.Properties), n.Value.Version));
            }
        }
    }

    /// <summary>The committed relationships, by type, ends and key; one created twice is listed twice.</summary>
    public IReadOnlyList<(string Type, string From, string To, string? Key)> Relationships
    {
        get
        {
            lock (_lock)
            {
                return [.. _committed.Relationships.SelectMany(r => Enumerable.Repeat(r.Key, r.Value.Count))];
            }
        }
    }

    /// <summary>Every committed move of the checkpoint, in order.</summary>
    public IReadOnlyList<(long From, long To)> Advances
    {
        get
        {
            lock (_lock)
            {
                return [.. _committed.Advances];
            }
        }
    }

    /// <summary>The Query API fake, answering with this model: statements, commits and rollbacks.</summary>
    public async Task<QueryApiFake> ServeAsync()
    {
        var neo4j = await QueryApiFake.StartAsync();
        neo4j.Handler = Handle;
        neo4j.OnCommit = Commit;
        neo4j.OnRollback = Rollback;
        return neo4j;
    }

    public FakeResult Handle(FakeStatement statement)
    {
        if (!_statements.TryGetValue(statement.Cypher, out var run))
        {
            throw new FakeNeo4jError("Neo.ClientError.Statement.SyntaxError", "The fake graph model does not know this statement.");
        }

        lock (_lock)
        {
            if (statement.TransactionId is not { } transaction)
            {
                return run(_committed, statement);
            }

            if (!_transactions.TryGetValue(transaction, out var state))
            {
                _transactions[transaction] = state = _committed.Clone();
            }

            return run(state, statement);
        }
    }

    public void Commit(string transaction)
    {
        lock (_lock)
        {
            if (_transactions.Remove(transaction, out var state))
            {
                _committed = state;
            }
        }
    }

    public void Rollback(string transaction)
    {
        lock (_lock)
        {
            _transactions.Remove(transaction);
        }
    }

    private static FakeResult TakeLease(State state, FakeStatement statement)
    {
        var holder = statement.Parameters["holder"].GetString()!;
        var now = DateTimeOffset.UtcNow;
        if (state.LeaseHolder is null || state.LeaseHolder == holder || state.LeaseExpires <= now)
        {
            if (state.LeaseHolder != holder || state.LeaseExpires <= now)
            {
                state.LeaseHolders.Add(holder);
            }

            state.LeaseHolder = holder;
            state.LeaseExpires = now.AddMilliseconds(statement.Parameters["milliseconds"].GetInt64());
        }

        return FakeResult.Row(["holder", "remaining"], state.LeaseHolder, (long)(state.LeaseExpires - now).TotalMilliseconds);
    }

    private static FakeResult ApplyBatch(State state, FakeStatement statement)
    {
        var from = statement.Parameters["from"].GetInt64();
        var to = statement.Parameters["to"].GetInt64();
        if ((state.Checkpoint ?? 0) != from)
        {
            return FakeResult.Empty;
        }

        state.Checkpoint = to;
        state.Advances.Add((from, to));
        var batch = statement.Parameters["batch"];
        foreach (var labels in CypherStatements.NodeLabelSets)
        {
            UpsertNodes(state, batch.GetProperty(CypherStatements.NodeRows(labels[0])), labels);
        }

        foreach (var shape in CypherStatements.RelationshipShapes)
        {
            foreach (var row in batch.GetProperty(CypherStatements.RemovalRows(shape.Type)).EnumerateArray())
            {
                var (start, end, key) = Ends(row);
                state.Relationships.Remove((shape.Type, start, end, key));
            }
        }

        // As the real batch does: removals first, then upserts.
        foreach (var shape in CypherStatements.RelationshipShapes)
        {
            UpsertRelationships(state, batch.GetProperty(CypherStatements.UpsertRows(shape.Type)), shape);
        }

        return FakeResult.Row(["position"], to);
    }

    private static void UpsertNodes(State state, JsonElement rows, IReadOnlyList<string> labels)
    {
        foreach (var row in rows.EnumerateArray())
        {
            var id = row.GetProperty("id").GetString()!;
            var version = row.GetProperty("version").GetInt64();
            if (!state.Nodes.TryGetValue(id, out var node))
            {
                state.Nodes[id] = node = new Node([.. labels], [], -1);
            }

            if (node.Version >= version)
            {
                continue;
            }

            foreach (var property in row.GetProperty("properties").EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    node.Properties.Remove(property.Name);
                }
                else
                {
                    node.Properties[property.Name] = property.Value.Clone();
                }
            }

            state.Nodes[id] = node with { Version = version };
        }
    }

    private static void UpsertRelationships(State state, JsonElement rows, RelationshipShape shape)
    {
        foreach (var row in rows.EnumerateArray())
        {
            var (from, to, key) = Ends(row);
            if (!state.Nodes.ContainsKey(from) || !state.Nodes.ContainsKey(to))
            {
                continue;
            }

            var identity = (shape.Type, from, to, shape.Keyed ? key : null);
            var count = state.Relationships.TryGetValue(identity, out var existing) ? existing.Count : 0;
            state.Relationships[identity] = (row.GetProperty("properties").Clone(), shape.WrittenOnce ? count + 1 : Math.Max(count, 1));
        }
    }

    private static (string From, string To, string? Key) Ends(JsonElement row) =>
        (row.GetProperty("from").GetString()!, row.GetProperty("to").GetString()!,
         row.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String ? key.GetString() : null);

    private sealed record Node(List<string> Labels, Dictionary<string, JsonElement> Properties, long Version);

    private sealed class State
    {
        public Dictionary<string, Node> Nodes { get; private init; } = new(StringComparer.Ordinal);

        public Dictionary<(string Type, string From, string To, string? Key), (JsonElement Properties, int Count)> Relationships { get; private init; } = [];

        public long? Checkpoint { get; set; }

        public List<(long From, long To)> Advances { get; private init; } = [];

        public string? LeaseHolder { get; set; }

        public DateTimeOffset LeaseExpires { get; set; }

        public List<string> LeaseHolders { get; private init; } = [];

        public State Clone() => new()
        {
            LeaseHolder = LeaseHolder,
            LeaseExpires = LeaseExpires,
            LeaseHolders = [.. LeaseHolders],
            Nodes = Nodes.ToDictionary(n => n.Key, n => n.Value with { Properties = new Dictionary<string, JsonElement>(n.Value.Properties) }, StringComparer.Ordinal),
            Relationships = new(Relationships),
            Checkpoint = Checkpoint,
            Advances = [.. Advances],
        };
    }
}
