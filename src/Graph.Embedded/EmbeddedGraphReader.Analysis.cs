using System.Runtime.InteropServices;
using Graph.Abstractions.Organisations;
using Graph.Abstractions.Statements;
using Graph.Projection.Model;
using Graph.Projection.Reading;

namespace Graph.Embedded;

/// <summary>The analyst's questions: paths, ego networks, actor networks, counts and stances.</summary>
public sealed partial class EmbeddedGraphReader
{
    /// <summary>The most partial paths a search may walk before it gives up and asks for a narrower one.</summary>
    private const int PathSearchBudget = 2_000_000;

    private static readonly HashSet<string> StructuralTypes = [.. RelationshipTypes.Structural];

    private static readonly HashSet<string> DerivedTypes = [.. StatementKinds.DerivedRelationshipTypes];

    /// <inheritdoc/>
    public Task<IReadOnlyList<PathView>> FindPathsAsync(PathQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(graph.Read(g =>
        {
            var from = g.Node(query.FromId);
            var to = g.Node(query.ToId);
            if (from is null || to is null || query.Limit == 0)
            {
                return (IReadOnlyList<PathView>)[];
            }

            var types = query.Via.SelectMany(PathLinks.TypesOf).ToHashSet(StringComparer.Ordinal);
            var paths = query.ShortestOnly ? ShortestPaths(from, to, types, query.MaxHops) : AllPaths(from, to, types, query.MaxHops, query.Limit);
            return [.. paths
                .OrderBy(p => p.Count)
                .ThenBy(p => p, IdSequence.Instance)
                .Take(query.Limit)
                .Select(ToPath)];
        }));

    /// <inheritdoc/>
    public Task<NetworkView> GetNeighbourhoodAsync(NeighbourhoodQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(graph.Read(g =>
        {
            if (g.Node(query.ActorId) is not { } start || !start.HasLabel(NodeLabels.Actor))
            {
                return new NetworkView([], []);
            }

            var kindNames = query.Kinds is { Count: > 0 } kinds ? kinds.Select(GraphEnums.Name).ToHashSet(StringComparer.Ordinal) : null;
            var roles = query.RolesAsked;
            var actorTypes = new HashSet<string>(RelationshipTypes.Structural, StringComparer.Ordinal);
            if (roles.Contains(StatementRole.Addressee))
            {
                actorTypes.UnionWith(DerivedTypes);
            }

            // The roles other than addressee have no actor-to-actor relationship: they are reached through the statement.
            var roleTypes = roles.Where(r => r != StatementRole.Addressee).Select(Projection.Reading.StatementRoles.RelationshipType).ToHashSet(StringComparer.Ordinal);

            var anyDate = query.SaidFrom is null && query.SaidTo is null;
            var everyLink = anyDate && kindNames is null;

            // Every link counts, in every role: the graph keeps their numbers, so a hop reads them instead of walking.
            var counted = everyLink && roles.Count == Projection.Reading.StatementRoles.All.Count;
            bool Counts(GraphRelationship r) =>
                everyLink
                || StructuralTypes.Contains(r.Type)
                || ((kindNames is null || kindNames.Contains((string)r.Get(PropertyKeys.Kind)!))
                    && (anyDate || WithinDates(r.Get(PropertyKeys.SaidOnStart) as string, r.Get(PropertyKeys.SaidOnEnd) as string, query.SaidFrom, query.SaidTo)));

            bool StatementCounts(GraphNode s) =>
                !IsRetracted(s)
                && (kindNames is null || kindNames.Contains(s.GetString(PropertyKeys.Kind)!))
                && (anyDate || WithinDates(s.GetString(PropertyKeys.SaidOnStart), s.GetString(PropertyKeys.SaidOnEnd), query.SaidFrom, query.SaidTo));

            // Every link of an actor to another, each as the edge it would be: relationships between actors, the roles
            // of the actor's own statements and, unless only the edges starting at the actor are asked for, the speakers
            // of statements the actor has a role in. Only an edge's id is made here; its view is made once it is kept.
            // A hub has hundreds of thousands of links; the walk stops when `link` says so.
            void EachLink(GraphNode actor, bool startingHereOnly, Func<GraphNode, EdgeCandidate, bool> link) =>
                EachLinkOf(actor, startingHereOnly, actorTypes, roleTypes, link);

            void EachLinkOf(GraphNode actor, bool startingHereOnly, IReadOnlySet<string> actorTypes, IReadOnlySet<string> roleTypes, Func<GraphNode, EdgeCandidate, bool> link)
            {
                foreach (var r in actor.Out(actorTypes))
                {
                    if (Counts(r) && !link(r.To, new EdgeCandidate(r)))
                    {
                        return;
                    }
                }

                foreach (var made in roleTypes.Count == 0 ? [] : actor.Out(RelationshipTypes.Made))
                {
                    if (StatementCounts(made.To))
                    {
                        foreach (var role in made.To.Out(roleTypes))
                        {
                            if (role.To.HasLabel(NodeLabels.Actor) && !link(role.To, new EdgeCandidate(role, actor, made.To)))
                            {
                                return;
                            }
                        }
                    }
                }

                if (startingHereOnly)
                {
                    return;
                }

                foreach (var r in actor.In(actorTypes))
                {
                    if (Counts(r) && !link(r.From, new EdgeCandidate(r)))
                    {
                        return;
                    }
                }

                foreach (var role in roleTypes.Count == 0 ? [] : actor.In(roleTypes))
                {
                    if (role.From.HasLabel(NodeLabels.Statement) && StatementCounts(role.From))
                    {
                        foreach (var made in role.From.In(RelationshipTypes.Made))
                        {
                            if (!link(made.From, new EdgeCandidate(role, made.From, role.From)))
                            {
                                return;
                            }
                        }
                    }
                }
            }

            // A hop at a time, the actors with the most links to those already reached first, until the limit.
            var reached = new HashSet<GraphNode> { start };
            var frontier = new List<GraphNode> { start };
            var truncated = false;
            for (var hop = 0; hop < query.Depth && frontier.Count > 0; hop++)
            {
                var links = new Dictionary<GraphNode, int>();
                foreach (var actor in frontier)
                {
                    if (counted)
                    {
                        foreach (var (next, count) in actor.LinkedActors ?? [])
                        {
                            if (!reached.Contains(next))
                            {
                                CollectionsMarshal.GetValueRefOrAddDefault(links, next, out _) += count;
                            }
                        }

                        continue;
                    }

                    EachLink(actor, startingHereOnly: false, (next, edge) =>
                    {
                        if (!reached.Contains(next))
                        {
                            CollectionsMarshal.GetValueRefOrAddDefault(links, next, out _)++;
                        }

                        return true;
                    });
                }

                var room = query.Limit - (reached.Count - 1);
                truncated |= links.Count > room;
                frontier = [.. links.OrderByDescending(l => l.Value).ThenBy(l => l.Key.Id, StringComparer.Ordinal).Take(room).Select(l => l.Key)];
                reached.UnionWith(frontier);
            }

            // Every edge touching the centre; then the others, actor by actor, only while there is room, so the edges
            // among a network of hubs (most of the graph) are never all walked.
            var selection = query.SelectEdges<EdgeCandidate>();
            // A type at a time, in the order of the ids they begin: once the selection is full and its last id sorts
            // before a type's, no edge of that type or of those after it is held, and one more found says some are cut.
            // A hub's hundreds of thousands of edges are then walked only as far as its first few types.
            var none = new HashSet<string>();
            foreach (var type in actorTypes.Concat(roleTypes).OrderBy(t => t + ":", StringComparer.Ordinal))
            {
                var past = selection.Room == 0 && selection.Count > 0 && string.CompareOrdinal(selection.Last.Id, type + ":") < 0;
                var ofType = new HashSet<string> { type };
                var isRole = roleTypes.Contains(type);
                EachLinkOf(start, startingHereOnly: false, isRole ? none : ofType, isRole ? ofType : none, (other, edge) =>
                {
                    if (!reached.Contains(other))
                    {
                        return true;
                    }

                    if (past || (selection.Room == 0 && selection.Count > 0 && edge.CompareIdTo(selection.Last.Id) > 0))
                    {
                        // Given up without making its id.
                        selection.GiveUp();
                        return !past;
                    }

                    selection.Offer(edge, edge.Id(), touchesCentre: true);
                    return true;
                });
                if (past && selection.Truncated)
                {
                    break;
                }
            }

            // Offered while there is room, and one more to know whether any is left out.
            bool Open() => selection.Room > 0 || !selection.Truncated;
            foreach (var actor in reached.Where(n => n != start).OrderBy(n => n.Id, StringComparer.Ordinal).TakeWhile(_ => Open()))
            {
                EachLink(actor, startingHereOnly: true, (other, edge) =>
                {
                    if (other != start && reached.Contains(other))
                    {
                        selection.Offer(edge, edge.Id(), touchesCentre: false);
                    }

                    return Open();
                });
            }

            return new NetworkView(
                [.. reached.OrderBy(n => n.Id, StringComparer.Ordinal).Select(ToActor)],
                [.. selection.Kept().Select(e => e.ToView())],
                truncated || selection.Truncated);
        }));

    /// <inheritdoc/>
    public Task<ActorNetworkView> GetActorNetworkAsync(StatementFilter filter, int limit, CancellationToken cancellationToken = default)
    {
        var clauses = filter.ToClauses();
        return Task.FromResult(graph.Read(g =>
        {
            var edges = Matching(g, filter, clauses)
                .SelectMany(s => s.Out(RelationshipTypes.AddressedTo).Select(a => (
                    Source: s.In(RelationshipTypes.Made).First().From.Id,
                    Target: a.To.Id,
                    Kind: GraphEnums.Parse<StatementKind>(s.GetString(PropertyKeys.Kind)!),
                    SaidOn: ParseDate(s.GetString(PropertyKeys.SaidOn)))))
                .GroupBy(e => (e.Source, e.Target, e.Kind))
                .Select(e =>
                {
                    // Earliest and latest by the first day each date may stand for, then by how it is written.
                    var dates = e.Select(x => x.SaidOn).OfType<PartialDate>()
                        .OrderBy(d => d.Start).ThenBy(d => d.ToString(), StringComparer.Ordinal).ToList();
                    return new WeightedEdgeView(e.Key.Source, e.Key.Target, e.Key.Kind, e.Count(), dates.Count > 0 ? dates[0] : null, dates.Count > 0 ? dates[^1] : null);
                })
                .OrderByDescending(e => e.Count)
                .ThenBy(e => e.Source, StringComparer.Ordinal)
                .ThenBy(e => e.Target, StringComparer.Ordinal)
                .ThenBy(e => GraphEnums.Name(e.Kind), StringComparer.Ordinal)
                .Take(limit)
                .ToList();
            var nodes = edges.SelectMany(e => new[] { e.Source, e.Target }).Distinct().Order(StringComparer.Ordinal).Select(id => ToActor(g.Node(id)!));
            return new ActorNetworkView([.. nodes], edges);
        }));
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<CountView>> CountStatementsAsync(StatementFilter filter, CountDimension by, IReadOnlyList<OrganisationKind>? organisationKinds, int limit, CancellationToken cancellationToken = default)
    {
        var clauses = filter.ToClauses();
        var kindNames = organisationKinds is { Count: > 0 } ? organisationKinds.Select(GraphEnums.Name).ToHashSet(StringComparer.Ordinal) : null;
        bool Counted(GraphNode actor) => kindNames is null || (actor.HasLabel(NodeLabels.Organisation) && kindNames.Contains(actor.GetString(PropertyKeys.Kind)!));

        return Task.FromResult<IReadOnlyList<CountView>>(graph.Read(g => Matching(g, filter, clauses)
            .SelectMany(s => by switch
            {
                CountDimension.Kind => [(s.GetString(PropertyKeys.Kind)!, (string?)null)],
                CountDimension.Speaker => s.In(RelationshipTypes.Made).Select(r => r.From).Where(Counted).Select(a => (a.Id, (string?)null)),
                CountDimension.Topic => s.Out(RelationshipTypes.About).Select(r => (r.To.Id, r.To.GetString(PropertyKeys.Name))),
                CountDimension.Month => s.GetString(PropertyKeys.SaidOnPrecision) is "MONTH" or "DAY" ? [(s.GetString(PropertyKeys.SaidOn)![..7], (string?)null)] : [],
                _ => s.Out(CountDimensions.RoleType(by)!).Select(r => r.To).Where(Counted).Select(a => (a.Id, (string?)null)),
            })
            .GroupBy(key => key.Item1, StringComparer.Ordinal)
            .Select(g => new CountView(g.Key, g.Count(), g.First().Item2))
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(limit)
            .ToList()));
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<StanceView>> GetStancesAsync(string targetId, string? actorId, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult(graph.Read<IReadOnlyList<StanceView>>(g =>
        {
            if (g.Node(targetId) is not { } target)
            {
                return [];
            }

            return [.. target.In(RelationshipTypes.AddressedTo).Concat(target.In(RelationshipTypes.Concerns))
                .Select(r => r.From)
                .Where(s => !IsRetracted(s))
                .Distinct()
                .Select(s => (Speaker: s.In(RelationshipTypes.Made).First().From.Id, Kind: GraphEnums.Parse<StatementKind>(s.GetString(PropertyKeys.Kind)!)))
                .Where(s => s.Speaker != targetId && (actorId is null || s.Speaker == actorId))
                .GroupBy(s => s.Speaker, StringComparer.Ordinal)
                .Select(s => new StanceView(
                    s.Key,
                    targetId,
                    s.Count(x => Stances.Supportive.Contains(x.Kind)),
                    s.Count(x => Stances.Critical.Contains(x.Kind)),
                    s.Count(x => !Stances.Supportive.Contains(x.Kind) && !Stances.Critical.Contains(x.Kind))))
                .OrderByDescending(s => s.Supportive + s.Critical + s.Other)
                .ThenBy(s => s.ActorId, StringComparer.Ordinal)
                .Take(limit)];
        }));

    private static bool WithinDates(string? start, string? end, DateOnly? from, DateOnly? to) =>
        (from is null && to is null)
        || (start is not null && end is not null
            && (from is not { } f || string.CompareOrdinal(end, IsoDate(f)) >= 0)
            && (to is not { } t || string.CompareOrdinal(start, IsoDate(t)) <= 0));

    private static string NetworkEdgeId(GraphRelationship r) =>
        r.Key is null ? $"{r.Type}:{r.From.Id}:{r.To.Id}" : $"{r.Type}:{r.From.Id}:{r.To.Id}:{r.Key}";

    private static string RoleEdgeId(GraphNode speaker, GraphNode statement, GraphRelationship role) =>
        $"{role.Type}:{speaker.Id}:{role.To.Id}:{statement.Id}";

    private static NetworkEdgeView ToNetworkEdge(GraphRelationship r) => new(
        NetworkEdgeId(r),
        r.Type,
        r.From.Id,
        r.To.Id,
        r.Get(PropertyKeys.Kind) is string kind ? GraphEnums.Parse<StatementKind>(kind) : null,
        r.Get(PropertyKeys.StatementId) as string,
        ParseDate(r.Get(PropertyKeys.SaidOn) as string),
        r.Type == RelationshipTypes.AffiliatedWith ? r.Get(PropertyKeys.Role) as string : null,
        DerivedTypes.Contains(r.Type) ? StatementRole.Addressee : null);

    private static NetworkEdgeView ToRoleEdge(GraphNode speaker, GraphNode statement, GraphRelationship role) => new(
        RoleEdgeId(speaker, statement, role),
        role.Type,
        speaker.Id,
        role.To.Id,
        GraphEnums.Parse<StatementKind>(statement.GetString(PropertyKeys.Kind)!),
        statement.Id,
        ParseDate(statement.GetString(PropertyKeys.SaidOn)),
        null,
        Projection.Reading.StatementRoles.Of(role.Type));

    /// <summary>
    /// An edge of an ego network before it is kept: a relationship between actors, or a statement's speaker linked to
    /// an actor in one of its roles. Its id is made only when asked for.
    /// </summary>
    private readonly record struct EdgeCandidate(GraphRelationship Relationship, GraphNode? Speaker = null, GraphNode? Statement = null)
    {
        public string Id() => Speaker is null ? NetworkEdgeId(Relationship) : RoleEdgeId(Speaker, Statement!, Relationship);

        /// <summary>How <see cref="Id"/> compares, ordinally, with <paramref name="other"/>, without making it.</summary>
        public int CompareIdTo(string other)
        {
            var r = Relationship;
            var parts = Speaker is null
                ? (r.Type, r.From.Id, r.To.Id, r.Key)
                : (r.Type, Speaker.Id, r.To.Id, Statement!.Id);
            var rest = other.AsSpan();
            foreach (var part in (ReadOnlySpan<string?>)[parts.Type, ":", parts.Item2, ":", parts.Item3, parts.Item4 is null ? null : ":", parts.Item4])
            {
                if (part is null)
                {
                    continue;
                }

                var length = Math.Min(part.Length, rest.Length);
                var order = part.AsSpan(0, length).SequenceCompareTo(rest[..length]);
                if (order != 0 || length < part.Length)
                {
                    // Differs within the part, or `other` ended first and sorts before.
                    return order != 0 ? order : 1;
                }

                rest = rest[length..];
            }

            return rest.IsEmpty ? 0 : -1;
        }

        public NetworkEdgeView ToView() => Speaker is null ? ToNetworkEdge(Relationship) : ToRoleEdge(Speaker, Statement!, Relationship);
    }

    /// <summary>Nodes a path may step to from <paramref name="node"/>: any direction, never into a retracted statement.</summary>
    private static IEnumerable<(GraphRelationship Step, GraphNode Next)> PathSteps(GraphNode node, HashSet<string> types) =>
        node.Out(types).Select(r => (r, r.To))
            .Concat(node.In(types).Select(r => (r, r.From)))
            .Where(step => !(step.Item2.HasLabel(NodeLabels.Statement) && IsRetracted(step.Item2)));

    /// <summary>
    /// Every shortest path, found by walking breadth first from both ends, a layer at a time from whichever end has
    /// fewer relationships to follow, until the two walks meet: between two hubs this walks a small part of what a
    /// walk from one end alone would.
    /// </summary>
    private static List<List<(GraphNode Node, GraphRelationship? Step)>> ShortestPaths(GraphNode from, GraphNode to, HashSet<string> types, int maxHops)
    {
        var paths = new List<List<(GraphNode Node, GraphRelationship? Step)>>();
        if (from == to || (to.HasLabel(NodeLabels.Statement) && IsRetracted(to)))
        {
            return paths;
        }

        var forward = new BreadthFirst(from);
        var backward = new BreadthFirst(to);
        var walked = 0;
        while (forward.Depth + backward.Depth < maxHops && forward.Frontier.Count > 0 && backward.Frontier.Count > 0)
        {
            // The walk that reaches further from its end, with layers from both ends complete, meets the other at every
            // shortest path's node that lies exactly forward.Depth steps from the start.
            var walk = forward.FrontierDegree <= backward.FrontierDegree ? forward : backward;
            walk.Expand(types, walk == backward ? from : null, ref walked);
            var meeting = forward.Frontier.Where(backward.InFrontier).ToList();
            if (meeting.Count == 0)
            {
                continue;
            }

            foreach (var middle in meeting)
            {
                foreach (var head in forward.PathsTo(middle, PathSearchBudget / 100))
                {
                    foreach (var tail in backward.PathsTo(middle, PathSearchBudget / 100))
                    {
                        if (paths.Count >= PathSearchBudget / 100)
                        {
                            return paths;
                        }

                        // The backward walk's path runs from the end to the middle: turn it round, each step moving to
                        // the node it now leads to.
                        var path = new List<(GraphNode Node, GraphRelationship? Step)>(head.Count + tail.Count - 1);
                        path.AddRange(head);
                        for (var i = tail.Count - 2; i >= 0; i--)
                        {
                            path.Add((tail[i].Node, tail[i + 1].Step));
                        }

                        paths.Add(path);
                    }
                }
            }

            return paths;
        }

        return paths;
    }

    /// <summary>One end's breadth-first walk: how far each node reached is, and the steps that reach it shortest.</summary>
    private sealed class BreadthFirst(GraphNode start)
    {
        private readonly Dictionary<GraphNode, int> _distance = new() { [start] = 0 };
        private readonly Dictionary<GraphNode, List<(GraphNode Node, GraphRelationship Step)>> _previous = [];

        public int Depth { get; private set; }

        public List<GraphNode> Frontier { get; private set; } = [start];

        public long FrontierDegree => Frontier.Sum(n => (long)n.Degree);

        public bool InFrontier(GraphNode node) => _distance.TryGetValue(node, out var distance) && distance == Depth;

        /// <summary>Walks one layer further; <paramref name="otherEnd"/> may be stepped into even if it could not otherwise.</summary>
        public void Expand(HashSet<string> types, GraphNode? otherEnd, ref int walked)
        {
            var hop = Depth + 1;
            var next = new List<GraphNode>();
            foreach (var node in Frontier)
            {
                foreach (var (step, neighbour) in Steps(node, types, otherEnd))
                {
                    if (++walked > PathSearchBudget)
                    {
                        throw new PathSearchException($"Finding paths walked more than {PathSearchBudget:N0} steps; ask for fewer hops or fewer kinds of link.");
                    }

                    if (_distance.TryGetValue(neighbour, out var seen) && seen < hop)
                    {
                        continue;
                    }

                    if (seen != hop)
                    {
                        _distance[neighbour] = hop;
                        next.Add(neighbour);
                    }

                    if (!_previous.TryGetValue(neighbour, out var steps))
                    {
                        _previous[neighbour] = steps = [];
                    }

                    steps.Add((node, step));
                }
            }

            Depth = hop;
            Frontier = next;
        }

        /// <summary>The shortest paths from this walk's start to the node, each step leading to its node.</summary>
        public List<List<(GraphNode Node, GraphRelationship? Step)>> PathsTo(GraphNode node, int limit)
        {
            var paths = new List<List<(GraphNode Node, GraphRelationship? Step)>>();
            Trace(node, [(node, null)]);
            return paths;

            void Trace(GraphNode at, List<(GraphNode Node, GraphRelationship? Step)> tail)
            {
                if (at == start)
                {
                    paths.Add(tail);
                    return;
                }

                foreach (var (before, step) in _previous[at])
                {
                    if (paths.Count >= limit)
                    {
                        return;
                    }

                    var extended = new List<(GraphNode Node, GraphRelationship? Step)>(tail.Count + 1) { (before, null) };
                    extended.AddRange(tail);
                    extended[1] = (extended[1].Node, step);
                    Trace(before, extended);
                }
            }
        }

        private static IEnumerable<(GraphRelationship Step, GraphNode Next)> Steps(GraphNode node, HashSet<string> types, GraphNode? otherEnd) =>
            otherEnd is null
                ? PathSteps(node, types)
                : node.Out(types).Select(r => (r, r.To)).Concat(node.In(types).Select(r => (r, r.From)))
                    .Where(step => step.Item2 == otherEnd || !(step.Item2.HasLabel(NodeLabels.Statement) && IsRetracted(step.Item2)));
    }

    /// <summary>Every path without repeated nodes, shortest first, each length walked in full before the next.</summary>
    private static List<List<(GraphNode Node, GraphRelationship? Step)>> AllPaths(GraphNode from, GraphNode to, HashSet<string> types, int maxHops, int limit)
    {
        var found = new List<List<(GraphNode, GraphRelationship?)>>();
        var walked = 0;
        var path = new List<(GraphNode Node, GraphRelationship? Step)> { (from, null) };
        var onPath = new HashSet<GraphNode> { from };
        for (var length = 1; length <= maxHops && found.Count < limit; length++)
        {
            Walk(length);
        }

        return found;

        void Walk(int length)
        {
            var (node, _) = path[^1];
            if (path.Count - 1 == length)
            {
                if (node == to)
                {
                    found.Add([.. path]);
                }

                return;
            }

            if (node == to)
            {
                return;
            }

            foreach (var (step, neighbour) in PathSteps(node, types))
            {
                if (++walked > PathSearchBudget)
                {
                    throw new PathSearchException($"Finding paths walked more than {PathSearchBudget:N0} steps; ask for fewer hops, fewer kinds of link, or the shortest paths only.");
                }

                if (onPath.Add(neighbour))
                {
                    path.Add((neighbour, step));
                    Walk(length);
                    path.RemoveAt(path.Count - 1);
                    onPath.Remove(neighbour);
                }
            }
        }
    }

    private static PathView ToPath(List<(GraphNode Node, GraphRelationship? Step)> path) => new(
        [.. path.Select(p => new PathNodeView(
            p.Node.Id,
            p.Node.HasLabel(NodeLabels.Statement) ? PathNodeKind.Statement : p.Node.HasLabel(NodeLabels.Person) ? PathNodeKind.Person : PathNodeKind.Organisation))],
        [.. path.Skip(1).Select(p => new PathStepView(p.Step!.Type, p.Step.From.Id, p.Step.To.Id))]);

    /// <summary>
    /// Orders paths of one length by the ids along them, as Cypher orders lists of strings, then by the types of their
    /// steps and by where each step starts.
    /// </summary>
    private sealed class IdSequence : IComparer<List<(GraphNode Node, GraphRelationship? Step)>>
    {
        public static IdSequence Instance { get; } = new();

        public int Compare(List<(GraphNode Node, GraphRelationship? Step)>? x, List<(GraphNode Node, GraphRelationship? Step)>? y)
        {
            for (var i = 0; i < Math.Min(x!.Count, y!.Count); i++)
            {
                var byId = string.CompareOrdinal(x[i].Node.Id, y[i].Node.Id);
                if (byId != 0)
                {
                    return byId;
                }
            }

            var byLength = x.Count.CompareTo(y.Count);
            if (byLength != 0)
            {
                return byLength;
            }

            // Paths through the same nodes differ in their steps: by type, then by where each starts.
            for (var i = 1; i < x.Count; i++)
            {
                var byType = string.CompareOrdinal(x[i].Step!.Type, y[i].Step!.Type);
                if (byType != 0)
                {
                    return byType;
                }
            }

            for (var i = 1; i < x.Count; i++)
            {
                var byStart = string.CompareOrdinal(x[i].Step!.From.Id, y[i].Step!.From.Id);
                if (byStart != 0)
                {
                    return byStart;
                }
            }

            return 0;
        }
    }
}
