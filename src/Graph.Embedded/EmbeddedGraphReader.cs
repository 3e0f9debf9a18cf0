using System.Globalization;
using Graph.Abstractions.Actors;
using Graph.Abstractions.Organisations;
using Graph.Abstractions.Statements;
using Graph.Projection.Model;
using Graph.Projection.Reading;

namespace Graph.Embedded;

/// <summary>Answers the API's questions from the in-memory graph.</summary>
public sealed partial class EmbeddedGraphReader(InMemoryGraph graph) : IGraphReader
{
    /// <inheritdoc/>
    public Task<IReadOnlyList<ActorView>> GetActorsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ActorView>>(graph.Read(g => ids
            .Select(g.Node)
            .OfType<GraphNode>()
            .Where(n => n.HasLabel(NodeLabels.Actor))
            .Select(ToActor)
            .ToList()));

    /// <inheritdoc/>
    public Task<IReadOnlyList<ActorView>> FindActorsAsync(ActorSearch search, CancellationToken cancellationToken = default)
    {
        var text = search.NormalisedText;
        var words = search.Words;
        var label = search.Type switch
        {
            ActorType.Organisation => NodeLabels.Organisation,
            ActorType.Person => NodeLabels.Person,
            _ => NodeLabels.Actor,
        };

        // 0: a name or alias is the text; 1: one holds it as typed; 2: one holds its words in any order.
        int? Rank(GraphNode actor)
        {
            if (text is null)
            {
                return 0;
            }

            var names = NormalisedNames(actor).ToList();
            return names.Contains(text, StringComparer.Ordinal) ? 0
                : names.Any(n => n.Contains(text, StringComparison.Ordinal)) ? 1
                : words.Count > 0 && names.Any(n => words.All(w => n.Contains(w, StringComparison.Ordinal))) ? 2
                : null;
        }

        return Task.FromResult<IReadOnlyList<ActorView>>(graph.Read(g =>
        {
            var found = g.NodesWithLabel(label).Select(n => (Node: n, Rank: Rank(n))).Where(m => m.Rank is not null);
            var ordered = search.Order switch
            {
                ActorOrder.StatementCount => found.OrderByDescending(m => StatementCount(m.Node)),
                ActorOrder.Name => found.OrderBy(m => 0),
                _ => found.OrderBy(m => m.Rank),
            };
            return ordered
                .ThenBy(m => m.Node.GetString(PropertyKeys.NormalisedName), StringComparer.Ordinal)
                .ThenBy(m => m.Node.Id, StringComparer.Ordinal)
                .Skip(search.Skip)
                .Take(search.Limit)
                .Select(m => ToActor(m.Node))
                .ToList();
        }));
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<TopicView>> FindTopicsAsync(string? text, int skip, int limit, CancellationToken cancellationToken = default)
    {
        var words = Topics.WordsOf(text);
        return Task.FromResult<IReadOnlyList<TopicView>>(graph.Read(g => g.NodesWithLabel(NodeLabels.Topic)
            .Select(t => (Topic: t, Name: t.GetString(PropertyKeys.Name)!))
            .Where(t => words.All(w => t.Topic.Id.Contains(w, StringComparison.Ordinal)))
            .Select(t => (t.Topic, t.Name, Count: t.Topic.In(RelationshipTypes.About).Count(r => !IsRetracted(r.From))))
            .OrderByDescending(t => t.Count)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .ThenBy(t => t.Topic.Id, StringComparer.Ordinal)
            .Skip(skip)
            .Take(limit)
            .Select(t => new TopicView(t.Topic.Id, t.Name))
            .ToList()));
    }

    /// <summary>How many statements, retracted ones left out, an actor takes part in, in any role.</summary>
    private static int StatementCount(GraphNode actor) =>
        actor.Out(RelationshipTypes.Made).Select(r => r.To)
            .Concat(actor.In(StatementRoles).Select(r => r.From))
            .Where(s => !IsRetracted(s))
            .Distinct()
            .Count();

    /// <inheritdoc/>
    public Task<IReadOnlyList<StatementView>> GetStatementsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StatementView>>(graph.Read(g => ids
            .Select(g.Node)
            .OfType<GraphNode>()
            .Where(n => n.HasLabel(NodeLabels.Statement))
            .Select(ToStatement)
            .ToList()));

    /// <inheritdoc/>
    /// <remarks>Everything is at hand in memory, so every part comes whatever is asked for, but the actors.</remarks>
    public Task<StatementPage> FindStatementsAsync(
        StatementFilter filter, StatementOrder order, int skip, int take, StatementParts parts, CancellationToken cancellationToken = default)
    {
        var clauses = filter.ToClauses();
        return Task.FromResult(graph.Read(g =>
        {
            var (items, total) = Page(g, filter, clauses, order, skip, take);
            IReadOnlyList<ActorView> actors = parts.HasFlag(StatementParts.Actors)
                ? [.. items.SelectMany(s => s.ActorIds).Distinct(StringComparer.Ordinal).Select(g.Node).OfType<GraphNode>().Select(ToActor)]
                : [];
            return new StatementPage(items, total, actors);
        }));
    }

    private static (List<StatementView> Items, int Total) Page(
        InMemoryGraph g, StatementFilter filter, IReadOnlyList<StatementClause> clauses, StatementOrder order, int skip, int take)
    {
        if (order == StatementOrder.SaidOnDescending && clauses.Count == 1 && IsUnanchored(clauses[0]))
        {
            // Walk the kept order: the page comes without sorting. A filter on kinds and exemplars alone is counted
            // from the statement bits, so the walk stops once the page is full; any other is counted in the walk.
            var clause = clauses[0];
            var countedFromBits = clause.SaidFrom is null && clause.SaidTo is null && clause.Texts.Count == 0 && clause.IsResponse is null;
            var total = 0;
            var page = new List<StatementView>(Math.Min(take, 1_000));
            var kindKnown = clause.KindSets is [{ Count: 1 }];
            foreach (var statement in Kept(g, clause))
            {
                if ((filter.IncludeRetracted || !IsRetracted(statement)) && Matches(statement, clause, kindKnown))
                {
                    if (total >= skip && page.Count < take)
                    {
                        page.Add(ToStatement(statement));
                    }

                    total++;
                    if (countedFromBits && total >= skip + take)
                    {
                        break;
                    }
                }
            }

            if (countedFromBits)
            {
                total = g.CountStatements([.. clause.KindSets.Select(kinds => (IReadOnlyList<string>)[.. kinds.Select(GraphEnums.Name)])], clause.HasExemplar, filter.IncludeRetracted);
            }

            return (page, total);
        }

        var matches = Sort(Matching(g, filter, clauses), order).ToList();
        return ([.. matches.Skip(skip).Take(take).Select(ToStatement)], matches.Count);
    }

    /// <summary>Whether a clause names no actor or topic to start from, so every statement of its kinds is a candidate.</summary>
    private static bool IsUnanchored(StatementClause clause) =>
        clause.SpeakerIds.Count == 0 && clause.AddresseeIds.Count == 0 && clause.ExemplarIds.Count == 0 && clause.BeneficiaryIds.Count == 0
        && clause.SubjectIds.Count == 0 && clause.ActorIds.Count == 0 && clause.TopicIdSets.Count == 0 && clause.RespondsToIds.Count == 0;

    /// <summary>The statements of the clause's kinds, newest first.</summary>
    private static IEnumerable<GraphNode> Kept(InMemoryGraph g, StatementClause clause)
    {
        if (clause.KindSets.Count == 0)
        {
            return g.StatementsNewestFirst();
        }

        var kinds = clause.KindSets[0];
        return kinds.Count == 1
            ? g.StatementsNewestFirst(GraphEnums.Name(kinds[0]))
            : kinds.Select(k => g.StatementsNewestFirst(GraphEnums.Name(k))).Aggregate(Enumerable.Empty<GraphNode>(), (all, more) => all.Concat(more)).Order(InMemoryGraph.NewestFirst.Instance);
    }

    private static IEnumerable<GraphNode> Matching(InMemoryGraph g, StatementFilter filter, IReadOnlyList<StatementClause> clauses)
    {
        var candidates = clauses.Count == 1 ? Candidates(g, clauses[0]) : g.NodesWithLabel(NodeLabels.Statement);
        return candidates.Where(n => (filter.IncludeRetracted || !IsRetracted(n)) && clauses.Any(c => Matches(n, c)));
    }

    private static bool IsRetracted(GraphNode statement) => statement.Get(PropertyKeys.Retracted) is true;

    /// <inheritdoc/>
    public Task<IReadOnlyList<OrganisationView>> GetPartsAsync(string organisationId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<OrganisationView>>(graph.Read(g =>
            (g.Node(organisationId)?.In(RelationshipTypes.PartOf) ?? [])
                .OrderBy(r => r.From.GetString(PropertyKeys.NormalisedName), StringComparer.Ordinal)
                .ThenBy(r => r.From.Id, StringComparer.Ordinal)
                .Select(r => (OrganisationView)ToActor(r.From))
                .ToList()));

    /// <inheritdoc/>
    public Task<IReadOnlyList<AffiliationView>> GetMembersAsync(string organisationId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AffiliationView>>(graph.Read(g =>
            (g.Node(organisationId)?.In(RelationshipTypes.AffiliatedWith) ?? [])
                .Select(ToAffiliation)
                .OrderBy(a => a, AffiliationOrder.ByPerson)
                .ToList()));

    private static IOrderedEnumerable<GraphNode> Sort(IEnumerable<GraphNode> statements, StatementOrder order) => order switch
    {
        StatementOrder.SaidOnAscending => statements
            .OrderBy(n => n.GetString(PropertyKeys.SaidOnStart) is null ? 1 : 0)
            .ThenBy(n => n.GetString(PropertyKeys.SaidOnStart), StringComparer.Ordinal)
            .ThenBy(n => n.Id, StringComparer.Ordinal),
        StatementOrder.RecordedAtDescending => statements
            .OrderByDescending(n => n.GetString(PropertyKeys.RecordedAt), StringComparer.Ordinal)
            .ThenBy(n => n.Id, StringComparer.Ordinal),
        StatementOrder.RecordedAtAscending => statements
            .OrderBy(n => n.GetString(PropertyKeys.RecordedAt), StringComparer.Ordinal)
            .ThenBy(n => n.Id, StringComparer.Ordinal),
        _ => statements
            .OrderBy(n => n.GetString(PropertyKeys.SaidOnStart) is null ? 1 : 0)
            .ThenByDescending(n => n.GetString(PropertyKeys.SaidOnStart), StringComparer.Ordinal)
            .ThenBy(n => n.Id, StringComparer.Ordinal),
    };

    private static readonly HashSet<string> StatementRoles = [.. RelationshipTypes.StatementRoles];

    // An array, so the loop over it for every candidate statement allocates no enumerator.
    private static readonly string[] StatementRoleTypes = [.. RelationshipTypes.StatementRoles];

    private static IEnumerable<GraphNode> Candidates(InMemoryGraph g, StatementClause clause)
    {
        // Start from the most selective actor the filter names, as a graph database would.
        if (clause.SpeakerIds.FirstOrDefault() is { } speaker)
        {
            return g.Node(speaker)?.Out(RelationshipTypes.Made).Select(r => r.To).Distinct() ?? [];
        }

        (IReadOnlyList<string> Ids, string Type)[] roles =
        [
            (clause.AddresseeIds, RelationshipTypes.AddressedTo),
            (clause.ExemplarIds, RelationshipTypes.CitesExemplar),
            (clause.BeneficiaryIds, RelationshipTypes.Benefits),
            (clause.SubjectIds, RelationshipTypes.Concerns),
        ];
        foreach (var (ids, type) in roles)
        {
            if (ids.FirstOrDefault() is { } id)
            {
                return g.Node(id)?.In(type).Select(r => r.From).Distinct() ?? [];
            }
        }

        if (clause.ActorIds.FirstOrDefault() is { } actor)
        {
            return g.Node(actor) is { } node
                ? node.Out(RelationshipTypes.Made).Select(r => r.To)
                    .Concat(node.In(StatementRoles).Select(r => r.From))
                    .Distinct()
                : [];
        }

        if (clause.RespondsToIds.FirstOrDefault() is { } answered)
        {
            return g.Node(answered)?.In(RelationshipTypes.RespondsTo).Select(r => r.From).Distinct() ?? [];
        }

        if (clause.TopicIdSets.FirstOrDefault() is { } topics)
        {
            return topics.Select(g.Node).OfType<GraphNode>().SelectMany(t => t.In(RelationshipTypes.About)).Select(r => r.From).Distinct();
        }

        return g.NodesWithLabel(NodeLabels.Statement);
    }

    // Runs for every candidate statement, so it allocates nothing.
    private static bool Matches(GraphNode statement, StatementClause clause, bool kindKnown = false)
    {
        if (!kindKnown && clause.KindSets.Count > 0)
        {
            var kind = GraphEnums.Parse<StatementKind>(statement.GetString(PropertyKeys.Kind)!);
            for (var i = 0; i < clause.KindSets.Count; i++)
            {
                if (!clause.KindSets[i].Contains(kind))
                {
                    return false;
                }
            }
        }

        if (!HasAll(statement, clause.SpeakerIds, RelationshipTypes.Made, outgoing: false)
            || !HasAll(statement, clause.AddresseeIds, RelationshipTypes.AddressedTo, outgoing: true)
            || !HasAll(statement, clause.ExemplarIds, RelationshipTypes.CitesExemplar, outgoing: true)
            || !HasAll(statement, clause.BeneficiaryIds, RelationshipTypes.Benefits, outgoing: true)
            || !HasAll(statement, clause.SubjectIds, RelationshipTypes.Concerns, outgoing: true))
        {
            return false;
        }

        for (var i = 0; i < clause.ActorIds.Count; i++)
        {
            if (!statement.HasIn(RelationshipTypes.Made, clause.ActorIds[i]) && !HasAnyRole(statement, clause.ActorIds[i]))
            {
                return false;
            }
        }

        for (var i = 0; i < clause.TopicIdSets.Count; i++)
        {
            if (!HasAnyTopic(statement, clause.TopicIdSets[i]))
            {
                return false;
            }
        }

        if (clause.HasExemplar is { } hasExemplar && statement.HasOut(RelationshipTypes.CitesExemplar) != hasExemplar)
        {
            return false;
        }

        if ((clause.IsResponse is { } isResponse && statement.HasOut(RelationshipTypes.RespondsTo) != isResponse)
            || !HasAll(statement, clause.RespondsToIds, RelationshipTypes.RespondsTo, outgoing: true))
        {
            return false;
        }

        if (clause.SaidFrom is not null || clause.SaidTo is not null)
        {
            var start = statement.GetString(PropertyKeys.SaidOnStart);
            var end = statement.GetString(PropertyKeys.SaidOnEnd);
            if (start is null || end is null
                || (clause.SaidFrom is { } from && string.CompareOrdinal(end, IsoDate(from)) < 0)
                || (clause.SaidTo is { } to && string.CompareOrdinal(start, IsoDate(to)) > 0))
            {
                return false;
            }
        }

        for (var i = 0; i < clause.Texts.Count; i++)
        {
            var text = clause.Texts[i];
            if (!(statement.GetString(PropertyKeys.Quote)?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)
                && !(statement.GetString(PropertyKeys.Summary)?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasAll(GraphNode statement, IReadOnlyList<string> actorIds, string type, bool outgoing)
    {
        for (var i = 0; i < actorIds.Count; i++)
        {
            if (outgoing ? !statement.HasOut(type, actorIds[i]) : !statement.HasIn(type, actorIds[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasAnyRole(GraphNode statement, string actorId)
    {
        foreach (var type in StatementRoleTypes)
        {
            if (statement.HasOut(type, actorId))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAnyTopic(GraphNode statement, IReadOnlyList<string> topicIds)
    {
        for (var i = 0; i < topicIds.Count; i++)
        {
            if (statement.HasOut(RelationshipTypes.About, topicIds[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IEnumerable<string> NormalisedNames(GraphNode actor) =>
        (actor.Get(PropertyKeys.NormalisedAliases) as string[] ?? []).Prepend(actor.GetString(PropertyKeys.NormalisedName) ?? "");

    private static ActorView ToActor(GraphNode node)
    {
        var aliases = node.Get(PropertyKeys.Aliases) as string[] ?? [];
        if (node.HasLabel(NodeLabels.Organisation))
        {
            return new OrganisationView(
                node.Id,
                node.GetString(PropertyKeys.Name)!,
                aliases,
                GraphEnums.Parse<OrganisationKind>(node.GetString(PropertyKeys.Kind)!),
                node.Out(RelationshipTypes.PartOf).FirstOrDefault()?.To.Id,
                [.. (node.Get(PropertyKeys.ExternalIds) as string[] ?? []).Select(ParseExternalId)]);
        }

        return new PersonView(
            node.Id,
            node.GetString(PropertyKeys.Name)!,
            aliases,
            [.. node.Out(RelationshipTypes.AffiliatedWith).Select(ToAffiliation).Order(AffiliationOrder.ByOrganisation)]);
    }

    private static ExternalId ParseExternalId(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return new ExternalId(value[..colon], value[(colon + 1)..]);
    }

    private static AffiliationView ToAffiliation(GraphRelationship affiliation) => new(
        affiliation.From.Id,
        affiliation.To.Id,
        affiliation.Get(PropertyKeys.Role) as string,
        ParseDate(affiliation.Get(PropertyKeys.From) as string),
        ParseDate(affiliation.Get(PropertyKeys.To) as string));

    private static PartialDate? ParseDate(string? value) => value is null ? null : PartialDate.Parse(value);

    private static StatementView ToStatement(GraphNode node)
    {
        IReadOnlyList<string> Role(string type) =>
            [.. node.Out(type).OrderBy(r => r.Ordinal).Select(r => r.To.Id)];

        var retracted = node.Get(PropertyKeys.Retracted) is true;
        return new StatementView(
            node.Id,
            GraphEnums.Parse<StatementKind>(node.GetString(PropertyKeys.Kind)!),
            node.GetString(PropertyKeys.CameoCode)!,
            node.In(RelationshipTypes.Made).First().From.Id,
            node.Out(RelationshipTypes.OnBehalfOf).FirstOrDefault()?.To.Id,
            Role(RelationshipTypes.AddressedTo),
            Role(RelationshipTypes.CitesExemplar),
            Role(RelationshipTypes.Benefits),
            Role(RelationshipTypes.Concerns),
            [.. node.Out(RelationshipTypes.About).OrderBy(r => r.Ordinal).Select(r => new TopicView(r.To.Id, r.To.GetString(PropertyKeys.Name)!))],
            node.Out(RelationshipTypes.RespondsTo).FirstOrDefault()?.To.Id,
            node.GetString(PropertyKeys.Quote),
            node.GetString(PropertyKeys.Summary),
            ParseDate(node.GetString(PropertyKeys.SaidOn)),
            [.. node.Out(RelationshipTypes.SupportedBy).OrderBy(r => r.Ordinal).Select(r => new SourceView(
                r.To.Id,
                r.To.GetString(PropertyKeys.Url),
                r.To.GetString(PropertyKeys.Title),
                r.To.GetString(PropertyKeys.Publisher),
                ParseDate(r.To.GetString(PropertyKeys.PublishedOn)),
                (int?)(r.Get(PropertyKeys.QuoteStart) as long?),
                (int?)(r.Get(PropertyKeys.QuoteEnd) as long?)))],
            DateTimeOffset.Parse(node.GetString(PropertyKeys.RecordedAt)!, CultureInfo.InvariantCulture),
            node.Get(PropertyKeys.Confidence) as double?,
            retracted
                ? new RetractionView(node.GetString(PropertyKeys.RetractionReason), DateTimeOffset.Parse(node.GetString(PropertyKeys.RetractedAt)!, CultureInfo.InvariantCulture))
                : null);
    }
}
