using Graph.Abstractions.Organisations;
using Graph.Abstractions.Statements;
using Graph.Projection.Model;
using Graph.Projection.Reading;

namespace Graph.Projection.Embedded;

/// <summary>The analyst's questions: paths, ego networks, actor networks, counts and stances.</summary>
public sealed partial class EmbeddedGraphReader
{
    /// <summary>The most partial paths a search may walk before it gives up and asks for a narrower one.</summary>
    private const int PathSearchBudget = 2_000_000;

    private static readonly Dictionary<PathLink, string[]> PathLinkTypes = new()
    {
        [PathLink.Statements] =
        [
            RelationshipTypes.Made, RelationshipTypes.OnBehalfOf, RelationshipTypes.AddressedTo, RelationshipTypes.CitesExemplar,
            RelationshipTypes.Benefits, RelationshipTypes.Concerns, RelationshipTypes.RespondsTo,
        ],
        [PathLink.Affiliations] = [RelationshipTypes.AffiliatedWith],
        [PathLink.PartOf] = [RelationshipTypes.PartOf],
    };

    private static readonly HashSet<string> StructuralTypes = [RelationshipTypes.AffiliatedWith, RelationshipTypes.PartOf];

    private static readonly HashSet<string> DerivedTypes = [.. StatementKinds.DerivedRelationshipTypes];

    private static readonly HashSet<string> NetworkTypes = [.. StructuralTypes, .. DerivedTypes];

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

            var types = query.Via.SelectMany(v => PathLinkTypes[v]).ToHashSet(StringComparer.Ordinal);
            var paths = query.ShortestOnly ? ShortestPaths(from, to, types, query.MaxHops) : AllPaths(from, to, types, query.MaxHops, query.Limit);
            return [.. paths
                .OrderBy(p => p.Count)
                .ThenBy(p => p, IdSequence.Instance)
                .Take(query.Limit)
                .Select(ToPath)];
        }));

    /// <inheritdoc/>
    public Task<NetworkView> GetNeighbourhoodAsync(string actorId, int depth, IReadOnlyList<StatementKind>? kinds, DateOnly? saidFrom, DateOnly? saidTo, CancellationToken cancellationToken = default) =>
        Task.FromResult(graph.Read(g =>
        {
            if (g.Node(actorId) is not { } start || !start.HasLabel(NodeLabels.Actor))
            {
                return new NetworkView([], []);
            }

            var kindNames = kinds is { Count: > 0 } ? kinds.Select(GraphEnums.Name).ToHashSet(StringComparer.Ordinal) : null;
            bool Counts(GraphRelationship r) =>
                StructuralTypes.Contains(r.Type)
                || (DerivedTypes.Contains(r.Type)
                    && (kindNames is null || kindNames.Contains((string)r.Get("kind")!))
                    && WithinDates(r.Get("saidOnStart") as string, r.Get("saidOnEnd") as string, saidFrom, saidTo));

            var reached = new HashSet<GraphNode> { start };
            var frontier = new List<GraphNode> { start };
            for (var hop = 0; hop < depth && frontier.Count > 0; hop++)
            {
                frontier = [.. frontier
                    .SelectMany(n => n.Out(NetworkTypes).Where(Counts).Select(r => r.To).Concat(n.In(NetworkTypes).Where(Counts).Select(r => r.From)))
                    .Where(reached.Add)];
            }

            var edges = reached
                .SelectMany(n => n.Out(NetworkTypes).Where(r => Counts(r) && reached.Contains(r.To)))
                .Select(ToNetworkEdge)
                .OrderBy(e => e.Id, StringComparer.Ordinal)
                .ToList();
            return new NetworkView([.. reached.OrderBy(n => n.Id, StringComparer.Ordinal).Select(ToActor)], edges);
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
                    Kind: GraphEnums.Parse<StatementKind>(s.GetString("kind")!),
                    SaidOn: ParseDate(s.GetString("saidOn")))))
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
        bool Counted(GraphNode actor) => kindNames is null || (actor.HasLabel(NodeLabels.Organisation) && kindNames.Contains(actor.GetString("kind")!));

        return Task.FromResult<IReadOnlyList<CountView>>(graph.Read(g => Matching(g, filter, clauses)
            .SelectMany(s => by switch
            {
                CountDimension.Kind => [(s.GetString("kind")!, (string?)null)],
                CountDimension.Speaker => s.In(RelationshipTypes.Made).Select(r => r.From).Where(Counted).Select(a => (a.Id, (string?)null)),
                CountDimension.Addressee => s.Out(RelationshipTypes.AddressedTo).Select(r => r.To).Where(Counted).Select(a => (a.Id, (string?)null)),
                CountDimension.Topic => s.Out(RelationshipTypes.About).Select(r => (r.To.Id, r.To.GetString("name"))),
                _ => s.GetString("saidOnPrecision") is "MONTH" or "DAY" ? [(s.GetString("saidOn")![..7], (string?)null)] : [],
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
                .Select(s => (Speaker: s.In(RelationshipTypes.Made).First().From.Id, Kind: GraphEnums.Parse<StatementKind>(s.GetString("kind")!)))
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

    private static NetworkEdgeView ToNetworkEdge(GraphRelationship r) => new(
        r.Key is null ? $"{r.Type}:{r.From.Id}:{r.To.Id}" : $"{r.Type}:{r.From.Id}:{r.To.Id}:{r.Key}",
        r.Type,
        r.From.Id,
        r.To.Id,
        r.Get("kind") is string kind ? GraphEnums.Parse<StatementKind>(kind) : null,
        r.Get("statementId") as string,
        ParseDate(r.Get("saidOn") as string),
        r.Type == RelationshipTypes.AffiliatedWith ? r.Get("role") as string : null);

    /// <summary>Nodes a path may step to from <paramref name="node"/>: any direction, never into a retracted statement.</summary>
    private static IEnumerable<(GraphRelationship Step, GraphNode Next)> PathSteps(GraphNode node, HashSet<string> types) =>
        node.Out(types).Select(r => (r, r.To))
            .Concat(node.In(types).Select(r => (r, r.From)))
            .Where(step => !(step.Item2.HasLabel(NodeLabels.Statement) && IsRetracted(step.Item2)));

    /// <summary>Every shortest path, walked breadth first from <paramref name="from"/> and traced back from <paramref name="to"/>.</summary>
    private static List<List<(GraphNode Node, GraphRelationship? Step)>> ShortestPaths(GraphNode from, GraphNode to, HashSet<string> types, int maxHops)
    {
        var distance = new Dictionary<GraphNode, int> { [from] = 0 };
        var previous = new Dictionary<GraphNode, List<(GraphNode Node, GraphRelationship Step)>>();
        var frontier = new List<GraphNode> { from };
        var walked = 0;
        for (var hop = 1; hop <= maxHops && frontier.Count > 0 && !distance.ContainsKey(to); hop++)
        {
            var next = new List<GraphNode>();
            foreach (var node in frontier)
            {
                foreach (var (step, neighbour) in PathSteps(node, types))
                {
                    if (++walked > PathSearchBudget)
                    {
                        throw new PathSearchException($"Finding paths walked more than {PathSearchBudget:N0} steps; ask for fewer hops or fewer kinds of link.");
                    }

                    if (distance.TryGetValue(neighbour, out var seen) && seen < hop)
                    {
                        continue;
                    }

                    if (seen != hop)
                    {
                        distance[neighbour] = hop;
                        next.Add(neighbour);
                    }

                    if (!previous.TryGetValue(neighbour, out var steps))
                    {
                        previous[neighbour] = steps = [];
                    }

                    steps.Add((node, step));
                }
            }

            frontier = next;
        }

        var paths = new List<List<(GraphNode, GraphRelationship?)>>();
        if (distance.ContainsKey(to) && to != from)
        {
            Trace(to, [(to, null)]);
        }

        return paths;

        void Trace(GraphNode node, List<(GraphNode Node, GraphRelationship? Step)> tail)
        {
            if (node == from)
            {
                paths.Add(tail);
                return;
            }

            foreach (var (before, step) in previous[node])
            {
                if (paths.Count >= PathSearchBudget / 100)
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

    /// <summary>Orders paths of one length by the ids along them, as Cypher orders lists of strings.</summary>
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

            return x.Count.CompareTo(y.Count);
        }
    }
}
