using System.Runtime.InteropServices;
using Graph.Abstractions.Actors;
using Graph.Abstractions.Statements;
using Graph.Projection.Model;
using Graph.Projection.Reading;

namespace Graph.Embedded;

/// <summary>
/// The embedded property graph: nodes and relationships in memory, rebuilt from the log at start and kept current by
/// the projector. Readers share it under a read lock; a batch is applied under the write lock, so readers never see
/// half a batch.
/// </summary>
public sealed class InMemoryGraph : IDisposable
{
    /// <summary>The relationships that link one actor straight to another: structural ones and those an addressee gets.</summary>
    private static readonly HashSet<string> ActorToActorTypes = [.. RelationshipTypes.Structural, .. StatementKinds.DerivedRelationshipTypes];

    /// <summary>The roles that link a statement's speaker to an actor through the statement: every role but addressee.</summary>
    private static readonly HashSet<string> RoleTypes =
        [.. StatementRoles.All.Where(r => r != StatementRole.Addressee).Select(StatementRoles.RelationshipType)];

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<string, GraphNode> _nodes = new(StringComparer.Ordinal);
    private readonly HashSet<GraphRelationship> _relationships = new(RelationshipIdentity.Instance);
    private readonly HashSet<GraphRelationship>.AlternateLookup<(string Type, string From, string To, string? Key)> _relationshipsByIdentity;
    private readonly Dictionary<string, HashSet<GraphNode>> _byLabel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<GraphNode>> _actorsByName = new(StringComparer.Ordinal);
    private readonly PropertyValues _values = new();

    // Statements newest first (undated last, then by id), all of them and by kind, so the usual reads page through
    // an order kept up to date instead of sorting every match.
    private readonly SortedSet<GraphNode> _statementsNewestFirst = new(NewestFirst.Instance);
    private readonly Dictionary<string, SortedSet<GraphNode>> _statementsByKind = new(StringComparer.Ordinal);
    private readonly StatementBits _statementBits = new();
    private long _checkpoint;

    public InMemoryGraph() => _relationshipsByIdentity = _relationships.GetAlternateLookup<(string, string, string, string?)>();

    /// <summary>The log position up to which the graph holds every event.</summary>
    public long Checkpoint => Interlocked.Read(ref _checkpoint);

    /// <summary>Applies a batch if the graph is at its start; see <see cref="Projection.IGraphStore.ApplyAsync"/>.</summary>
    public bool Apply(GraphBatch batch)
    {
        _lock.EnterWriteLock();
        try
        {
            if (_checkpoint != batch.FromCheckpoint)
            {
                return false;
            }

            foreach (var change in batch.Changes)
            {
                Apply(change);
            }

            Interlocked.Exchange(ref _checkpoint, batch.ToCheckpoint);
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Runs a query under the read lock.</summary>
    public T Read<T>(Func<InMemoryGraph, T> query)
    {
        _lock.EnterReadLock();
        try
        {
            return query(this);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>A node by id, or null. Call within <see cref="Read{T}"/>.</summary>
    public GraphNode? Node(string id) => _nodes.GetValueOrDefault(id);

    /// <summary>Every node with a label. Call within <see cref="Read{T}"/>.</summary>
    public IReadOnlyCollection<GraphNode> NodesWithLabel(string label) =>
        _byLabel.TryGetValue(label, out var nodes) ? nodes : [];

    /// <summary>Statements newest first (undated last, then by id), of one kind or all. Call within <see cref="Read{T}"/>.</summary>
    public IReadOnlyCollection<GraphNode> StatementsNewestFirst(string? kind = null) =>
        kind is null ? _statementsNewestFirst : _statementsByKind.TryGetValue(kind, out var statements) ? statements : [];

    /// <summary>
    /// How many statements are of one of the kinds in every set (any kind when there are no sets), cite exemplars or not
    /// when asked, and are not retracted unless those are included. Call within <see cref="Read{T}"/>.
    /// </summary>
    public int CountStatements(IReadOnlyList<IReadOnlyList<string>> kindSets, bool? citesExemplars, bool includeRetracted) =>
        _statementBits.Count(kindSets, citesExemplars, includeRetracted);

    /// <summary>Actors with the name or alias, normalised. Call within <see cref="Read{T}"/>.</summary>
    public IReadOnlyCollection<GraphNode> ActorsNamed(string normalisedName) =>
        _actorsByName.TryGetValue(normalisedName, out var nodes) ? nodes : [];

    /// <summary>How many nodes and relationships the graph holds.</summary>
    public (int Nodes, int Relationships) Count() => Read(g => (g._nodes.Count, g._relationships.Count));

    public void Dispose() => _lock.Dispose();

    private void Apply(GraphChange change)
    {
        switch (change)
        {
            case NodeUpsert upsert:
                UpsertNode(upsert);
                break;
            case RelationshipUpsert upsert:
                UpsertRelationship(upsert);
                break;
            case RelationshipRemoval removal:
                RemoveRelationship(removal);
                break;
            default:
                throw new InvalidOperationException($"Unknown graph change {change.GetType().Name}.");
        }
    }

    private void UpsertNode(NodeUpsert upsert)
    {
        if (!_nodes.TryGetValue(upsert.Id, out var node))
        {
            node = new GraphNode(upsert.Id, upsert.Labels, _values.EmptyShape);
            _nodes.Add(upsert.Id, node);
            foreach (var label in upsert.Labels)
            {
                if (!_byLabel.TryGetValue(label, out var nodes))
                {
                    _byLabel[label] = nodes = [];
                }

                nodes.Add(node);
            }
        }
        else if (upsert.Version <= node.Version)
        {
            return;
        }

        var isActor = node.HasLabel(NodeLabels.Actor);
        if (isActor)
        {
            IndexActorNames(node, add: false);
        }

        var isStatement = node.HasLabel(NodeLabels.Statement);
        var wasRetracted = node.Get(PropertyKeys.Retracted) is true;
        if (isStatement)
        {
            IndexStatement(node, add: false);
        }

        _values.Merge(node, upsert.Properties);
        node.Version = upsert.Version;
        if (isStatement && wasRetracted != node.Get(PropertyKeys.Retracted) is true)
        {
            LinkThroughStatement(node, wasRetracted ? 1 : -1);
        }

        if (isActor)
        {
            IndexActorNames(node, add: true);
        }

        if (isStatement)
        {
            IndexStatement(node, add: true);
        }
    }

    private void IndexStatement(GraphNode statement, bool add)
    {
        if (statement.GetString(PropertyKeys.Kind) is not { } kind)
        {
            return;
        }

        if (!_statementsByKind.TryGetValue(kind, out var ofKind))
        {
            _statementsByKind[kind] = ofKind = new SortedSet<GraphNode>(NewestFirst.Instance);
        }

        if (add)
        {
            _statementsNewestFirst.Add(statement);
            ofKind.Add(statement);
            if (statement.Slot < 0)
            {
                statement.Slot = _statementBits.NewSlot();
            }

            _statementBits.Set(statement, kind, statement.Get(PropertyKeys.Retracted) is true, statement.HasOut(RelationshipTypes.CitesExemplar));
        }
        else
        {
            _statementsNewestFirst.Remove(statement);
            ofKind.Remove(statement);
        }
    }

    /// <summary>Newest said first, undated last, then by id: the order statements are read in by default.</summary>
    public sealed class NewestFirst : IComparer<GraphNode>
    {
        public static NewestFirst Instance { get; } = new();

        public int Compare(GraphNode? x, GraphNode? y)
        {
            var a = x!.GetString(PropertyKeys.SaidOnStart);
            var b = y!.GetString(PropertyKeys.SaidOnStart);
            var byDate = (a, b) switch
            {
                (null, null) => 0,
                (null, _) => 1,
                (_, null) => -1,
                _ => string.CompareOrdinal(b, a),
            };
            return byDate != 0 ? byDate : string.CompareOrdinal(x.Id, y.Id);
        }
    }

    private void IndexActorNames(GraphNode node, bool add)
    {
        var names = (node.Get(PropertyKeys.Aliases) as string[] ?? [])
            .Append(node.GetString(PropertyKeys.Name))
            .OfType<string>()
            .Select(ActorNames.Normalise);
        foreach (var name in names)
        {
            if (add)
            {
                if (!_actorsByName.TryGetValue(name, out var nodes))
                {
                    _actorsByName[name] = nodes = [];
                }

                nodes.Add(node);
            }
            else if (_actorsByName.TryGetValue(name, out var nodes))
            {
                nodes.Remove(node);
                if (nodes.Count == 0)
                {
                    _actorsByName.Remove(name);
                }
            }
        }
    }

    private void UpsertRelationship(RelationshipUpsert upsert)
    {
        var (shape, values) = _values.Of(upsert.Properties);
        if (_relationshipsByIdentity.TryGetValue((upsert.Type, upsert.FromId, upsert.ToId, upsert.Key), out var existing))
        {
            existing.Shape = shape;
            existing.Values = values;
            return;
        }

        // As a Cypher MATCH would, an upsert between nodes that do not exist changes nothing.
        if (!_nodes.TryGetValue(upsert.FromId, out var from) || !_nodes.TryGetValue(upsert.ToId, out var to))
        {
            return;
        }

        var relationship = new GraphRelationship(upsert.Type, from, to, upsert.Key, shape, values);
        _relationships.Add(relationship);
        from.AddOutgoing(relationship);
        to.AddIncoming(relationship);
        NoteExemplars(relationship);
        LinkActors(relationship, 1);
    }

    /// <summary>The links between actors <paramref name="relationship"/> makes, added (1) or taken away (-1).</summary>
    private static void LinkActors(GraphRelationship relationship, int change)
    {
        var (from, to) = (relationship.From, relationship.To);
        if (ActorToActorTypes.Contains(relationship.Type))
        {
            if (from.HasLabel(NodeLabels.Actor) && to.HasLabel(NodeLabels.Actor))
            {
                Link(from, to, change);
            }
        }
        else if (string.Equals(relationship.Type, RelationshipTypes.Made, StringComparison.Ordinal))
        {
            if (to.Get(PropertyKeys.Retracted) is not true)
            {
                foreach (var role in to.Out(RoleTypes))
                {
                    if (role.To.HasLabel(NodeLabels.Actor))
                    {
                        Link(from, role.To, change);
                    }
                }
            }
        }
        else if (RoleTypes.Contains(relationship.Type) && from.Get(PropertyKeys.Retracted) is not true && to.HasLabel(NodeLabels.Actor))
        {
            foreach (var made in from.In(RelationshipTypes.Made))
            {
                Link(made.From, to, change);
            }
        }
    }

    /// <summary>The links a statement makes between its speaker (each, were there more) and the actors in its roles, added or taken away.</summary>
    private static void LinkThroughStatement(GraphNode statement, int change)
    {
        foreach (var made in statement.In(RelationshipTypes.Made))
        {
            foreach (var role in statement.Out(RoleTypes))
            {
                if (role.To.HasLabel(NodeLabels.Actor))
                {
                    Link(made.From, role.To, change);
                }
            }
        }
    }

    private static void Link(GraphNode one, GraphNode other, int change)
    {
        if (one == other)
        {
            return;
        }

        Count(one, other);
        Count(other, one);

        void Count(GraphNode actor, GraphNode neighbour)
        {
            var links = actor.LinkedActors ??= [];
            ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(links, neighbour, out _);
            count += change;
            if (count <= 0)
            {
                links.Remove(neighbour);
            }
        }
    }

    private void NoteExemplars(GraphRelationship relationship)
    {
        if (relationship.From.Slot >= 0 && string.Equals(relationship.Type, RelationshipTypes.CitesExemplar, StringComparison.Ordinal))
        {
            _statementBits.SetCitesExemplars(relationship.From, relationship.From.HasOut(RelationshipTypes.CitesExemplar));
        }
    }

    private void RemoveRelationship(RelationshipRemoval removal)
    {
        if (_relationshipsByIdentity.TryGetValue((removal.Type, removal.FromId, removal.ToId, removal.Key), out var relationship))
        {
            LinkActors(relationship, -1);
            _relationships.Remove(relationship);
            relationship.From.RemoveOutgoing(relationship);
            relationship.To.RemoveIncoming(relationship);
            NoteExemplars(relationship);
        }
    }
}
