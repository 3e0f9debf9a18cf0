using System.Collections.Frozen;
using Graph.Abstractions.Statements;
using Graph.Projection.Model;
using Graph.Projection.Reading;

namespace Graph.Neo4j.Cypher;

/// <summary>
/// Every Cypher statement the project sends to Neo4j, in one place. Values only ever travel as parameters; labels and
/// relationship types come only from the model's closed sets, one statement per label or type.
/// </summary>
/// <remarks><c>Graph.Host cypher --json</c> prints them all, and a test lints each with Neo4j's own parser.</remarks>
public static class CypherStatements
{
    /// <summary>The name of the projection's checkpoint node.</summary>
    public const string CheckpointName = "graph-projection";

    // The shape every reader returns an actor in: enough for OrganisationView and PersonView.
    private const string ActorMap = """
        {.id, .name, .aliases, .kind, .externalIds, labels: labels(actor),
         parentId: head([(actor)-[:PART_OF]->(parent:Organisation) | parent.id]),
         affiliations: [(actor)-[affiliation:AFFILIATED_WITH]->(organisation:Organisation) |
           {organisationId: organisation.id, role: affiliation.role, from: affiliation.from, to: affiliation.to}]}
        """;

    // The statements a filter matches: any of $clauses, each lists of conditions that must all hold.
    private const string MatchStatements = """
        MATCH (s:Statement)
        WHERE ($includeRetracted OR NOT coalesce(s.retracted, false))
          AND any(c IN $clauses WHERE
                all(kinds IN c.kindSets WHERE s.kind IN kinds)
            AND all(id IN c.speakerIds WHERE EXISTS { (:Actor {id: id})-[:MADE]->(s) })
            AND all(id IN c.addresseeIds WHERE EXISTS { (s)-[:ADDRESSED_TO]->(:Actor {id: id}) })
            AND all(id IN c.exemplarIds WHERE EXISTS { (s)-[:CITES_EXEMPLAR]->(:Actor {id: id}) })
            AND all(id IN c.beneficiaryIds WHERE EXISTS { (s)-[:BENEFITS]->(:Actor {id: id}) })
            AND all(id IN c.subjectIds WHERE EXISTS { (s)-[:CONCERNS]->(:Actor {id: id}) })
            AND all(id IN c.actorIds WHERE EXISTS { (:Actor {id: id})-[:MADE]->(s) }
              OR EXISTS { (s)-[:ON_BEHALF_OF|ADDRESSED_TO|CITES_EXEMPLAR|BENEFITS|CONCERNS]->(:Actor {id: id}) })
            AND all(topics IN c.topicIdSets WHERE EXISTS { (s)-[:ABOUT]->(topic:Topic) WHERE topic.id IN topics })
            AND (c.saidFrom IS NULL OR s.saidOnEnd >= c.saidFrom)
            AND (c.saidTo IS NULL OR s.saidOnStart <= c.saidTo)
            AND all(text IN c.texts WHERE toLower(coalesce(s.quote, '')) CONTAINS text OR toLower(coalesce(s.summary, '')) CONTAINS text)
            AND (c.hasExemplar IS NULL OR EXISTS { (s)-[:CITES_EXEMPLAR]->(:Actor) } = c.hasExemplar))
        """;

    private static readonly string StatementMap = $$"""
        {.id, .kind, .cameoCode, .quote, .summary, .saidOn, .recordedAt, .confidence, .retracted, .retractionReason, .retractedAt,
         speaker: head([(actor:Actor)-[:MADE]->(s) | actor {{ActorMap}}]),
         onBehalfOf: head([(s)-[:ON_BEHALF_OF]->(actor:Organisation) | actor {{ActorMap}}]),
         addressees: [(s)-[role:ADDRESSED_TO]->(actor:Actor) | {ordinal: role.ordinal, actor: actor {{ActorMap}}}],
         exemplars: [(s)-[role:CITES_EXEMPLAR]->(actor:Actor) | {ordinal: role.ordinal, actor: actor {{ActorMap}}}],
         beneficiaries: [(s)-[role:BENEFITS]->(actor:Actor) | {ordinal: role.ordinal, actor: actor {{ActorMap}}}],
         subjects: [(s)-[role:CONCERNS]->(actor:Actor) | {ordinal: role.ordinal, actor: actor {{ActorMap}}}],
         topics: [(s)-[role:ABOUT]->(topic:Topic) | {ordinal: role.ordinal, id: topic.id, name: topic.name}],
         sources: [(s)-[role:SUPPORTED_BY]->(source:Source) | source {.id, .url, .title, .publisher, .publishedOn,
           ordinal: role.ordinal, quoteStart: role.quoteStart, quoteEnd: role.quoteEnd}],
         respondsTo: head([(s)-[:RESPONDS_TO]->(answered:Statement) | answered.id])}
        """;

    /// <summary>The label sets nodes are written with; the first label is the one merged on.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> NodeLabelSets { get; } =
    [
        [NodeLabels.Organisation, NodeLabels.Actor],
        [NodeLabels.Person, NodeLabels.Actor],
        [NodeLabels.Statement],
        [NodeLabels.Source],
        [NodeLabels.Topic],
    ];

    /// <summary>Every relationship type with the labels of its ends.</summary>
    public static IReadOnlyList<RelationshipShape> RelationshipShapes { get; } =
    [
        new(RelationshipTypes.Made, NodeLabels.Actor, NodeLabels.Statement, false),
        new(RelationshipTypes.OnBehalfOf, NodeLabels.Statement, NodeLabels.Organisation, false),
        new(RelationshipTypes.AddressedTo, NodeLabels.Statement, NodeLabels.Actor, false),
        new(RelationshipTypes.CitesExemplar, NodeLabels.Statement, NodeLabels.Actor, false),
        new(RelationshipTypes.Benefits, NodeLabels.Statement, NodeLabels.Actor, false),
        new(RelationshipTypes.Concerns, NodeLabels.Statement, NodeLabels.Actor, false),
        new(RelationshipTypes.About, NodeLabels.Statement, NodeLabels.Topic, false),
        new(RelationshipTypes.SupportedBy, NodeLabels.Statement, NodeLabels.Source, false),
        new(RelationshipTypes.RespondsTo, NodeLabels.Statement, NodeLabels.Statement, false),
        new(RelationshipTypes.AffiliatedWith, NodeLabels.Person, NodeLabels.Organisation, true),
        new(RelationshipTypes.PartOf, NodeLabels.Organisation, NodeLabels.Organisation, false),
        .. StatementKinds.DerivedRelationshipTypes.Select(type => new RelationshipShape(type, NodeLabels.Actor, NodeLabels.Actor, true)),
    ];

    private static readonly FrozenDictionary<string, RelationshipShape> ShapesByType = RelationshipShapes.ToFrozenDictionary(s => s.Type);

    /// <summary>The shape of a relationship type of the model.</summary>
    public static RelationshipShape ShapeOf(string type) =>
        ShapesByType.TryGetValue(type, out var shape) ? shape : throw new ArgumentOutOfRangeException(nameof(type), type, "Not a relationship type of the model.");

    /// <summary>Constraints and indexes, each idempotent, run at start.</summary>
    public static IReadOnlyList<CypherStatement> Schema { get; } =
    [
        .. NodeLabels.All.Append(CheckpointLabel).Select(label => Statement(
            $"schema-unique-{Kebab(label)}-id",
            $"CREATE CONSTRAINT {Snake(label)}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE")),
        Statement("schema-index-statement-kind", "CREATE INDEX statement_kind IF NOT EXISTS FOR (s:Statement) ON (s.kind)"),
        Statement("schema-index-statement-said-on", "CREATE INDEX statement_said_on IF NOT EXISTS FOR (s:Statement) ON (s.saidOnStart, s.saidOnEnd)"),
        Statement("schema-index-statement-recorded-at", "CREATE INDEX statement_recorded_at IF NOT EXISTS FOR (s:Statement) ON (s.recordedAt)"),
        Statement("schema-index-statement-retracted", "CREATE INDEX statement_retracted IF NOT EXISTS FOR (s:Statement) ON (s.retracted)"),
        Statement("schema-index-actor-normalised-name", "CREATE TEXT INDEX actor_normalised_name IF NOT EXISTS FOR (a:Actor) ON (a.normalisedName)"),
        Statement("schema-index-topic-name", "CREATE INDEX topic_name IF NOT EXISTS FOR (t:Topic) ON (t.name)"),
        Statement("schema-fulltext", "CREATE FULLTEXT INDEX graph_text IF NOT EXISTS FOR (n:Organisation|Person|Statement) ON EACH [n.name, n.aliases, n.quote, n.summary]"),
    ];

    /// <summary>The label of the node holding the projection's checkpoint.</summary>
    public const string CheckpointLabel = "ProjectionCheckpoint";

    public static CypherStatement ReadCheckpoint { get; } = Statement(
        "read-checkpoint",
        $"MATCH (c:{CheckpointLabel} {{id: $name}}) RETURN c.position AS position",
        new() { ["name"] = CheckpointName });

    /// <summary>
    /// Moves the checkpoint from the batch's start to its end, returning no row when it is no longer at the start; run
    /// first in a batch's transaction, its lock on the checkpoint node also serialises racing projectors.
    /// </summary>
    public static CypherStatement AdvanceCheckpoint { get; } = Statement(
        "advance-checkpoint",
        $$"""
        MERGE (c:{{CheckpointLabel}} {id: $name})
        ON CREATE SET c.position = 0
        WITH c
        WHERE c.position = $from
        SET c.position = $to
        RETURN c.position AS position
        """,
        new() { ["name"] = CheckpointName, ["from"] = 0L, ["to"] = 1000L });

    /// <summary>Creates nodes or merges properties into them, never with a change older than the node.</summary>
    public static CypherStatement UpsertNodes(IReadOnlyList<string> labels) => UpsertNodeStatements[labels[0]];

    private static readonly FrozenDictionary<string, CypherStatement> UpsertNodeStatements = NodeLabelSets.ToFrozenDictionary(
        labels => labels[0],
        labels => Statement(
            $"upsert-{Kebab(labels[0])}-nodes",
            $$"""
            UNWIND $rows AS row
            MERGE (n:{{labels[0]}} {id: row.id})
            {{(labels.Count > 1 ? "SET n:" + string.Join(":", labels.Skip(1)) : "")}}
            WITH n, row
            WHERE coalesce(n.version, -1) < row.version
            SET n += row.properties, n.version = row.version
            """,
            new() { ["rows"] = new[] { new Dictionary<string, object?> { ["id"] = "aclu", ["version"] = 1L, ["properties"] = new Dictionary<string, object?> { ["id"] = "aclu", ["name"] = "ACLU" } } } }));

    /// <summary>Creates relationships between nodes that exist (both ends matched first), or replaces their properties.</summary>
    public static CypherStatement UpsertRelationships(string type) => UpsertRelationshipStatements[type];

    private static readonly FrozenDictionary<string, CypherStatement> UpsertRelationshipStatements = RelationshipShapes.ToFrozenDictionary(
        shape => shape.Type,
        shape => Statement(
            $"upsert-{Kebab(shape.Type)}-relationships",
            $$"""
            UNWIND $rows AS row
            MATCH (a:{{shape.FromLabel}} {id: row.from})
            MATCH (b:{{shape.ToLabel}} {id: row.to})
            MERGE (a)-[r:{{shape.Type}}{{(shape.Keyed ? " {key: row.key}" : "")}}]->(b)
            SET r = row.properties{{(shape.Keyed ? ", r.key = row.key" : "")}}
            """,
            new() { ["rows"] = new[] { RelationshipRow(shape) } }));

    /// <summary>Removes relationships, when they are there.</summary>
    public static CypherStatement RemoveRelationships(string type) => RemoveRelationshipStatements[type];

    private static readonly FrozenDictionary<string, CypherStatement> RemoveRelationshipStatements = RelationshipShapes.ToFrozenDictionary(
        shape => shape.Type,
        shape => Statement(
            $"remove-{Kebab(shape.Type)}-relationships",
            $$"""
            UNWIND $rows AS row
            MATCH (a:{{shape.FromLabel}} {id: row.from})-[r:{{shape.Type}}{{(shape.Keyed ? " {key: row.key}" : "")}}]->(b:{{shape.ToLabel}} {id: row.to})
            DELETE r
            """,
            new() { ["rows"] = new[] { RelationshipRow(shape) } }));

    /// <summary>Empties the database, a batch at a time, before a rebuild.</summary>
    public static CypherStatement DeleteAll { get; } = Statement(
        "delete-all",
        """
        MATCH (n)
        CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
        """);

    public static CypherStatement CountNodes { get; } = Statement("count-nodes", "MATCH (n) RETURN count(n) AS nodes");

    public static CypherStatement ActorsById { get; } = Statement(
        "actors-by-id",
        $$"""
        MATCH (actor:Actor)
        WHERE actor.id IN $ids
        RETURN actor {{ActorMap}} AS actor
        """,
        new() { ["ids"] = new[] { "aclu", "nicole-ozer" } });

    public static CypherStatement FindActors { get; } = Statement(
        "find-actors",
        $$"""
        MATCH (actor:Actor)
        WHERE ($label IS NULL OR $label IN labels(actor))
          AND (actor.normalisedName CONTAINS $text OR any(alias IN actor.normalisedAliases WHERE alias CONTAINS $text))
        WITH actor, CASE WHEN actor.normalisedName = $text OR $text IN actor.normalisedAliases THEN 0 ELSE 1 END AS rank
        ORDER BY rank, CASE rank WHEN 0 THEN actor.id ELSE actor.normalisedName END, actor.id
        LIMIT $limit
        RETURN actor {{ActorMap}} AS actor
        """,
        new() { ["text"] = "aclu", ["label"] = null, ["limit"] = 20L });

    public static CypherStatement StatementsById { get; } = Statement(
        "statements-by-id",
        $$"""
        MATCH (s:Statement)
        WHERE s.id IN $ids
        RETURN s {{StatementMap}} AS statement
        """,
        new() { ["ids"] = new[] { "aclu-urges-microsoft-to-follow-ibm-and-amazon" } });

    /// <summary>
    /// The statements matching a filter, a page of them and how many match: a statement matches when it passes any of
    /// <c>$clauses</c> (a filter multiplied out into alternatives), each holding lists of conditions that must all hold.
    /// </summary>
    public static CypherStatement FindStatements(StatementOrder order) => FindStatementStatements[order];

    private static readonly FrozenDictionary<StatementOrder, CypherStatement> FindStatementStatements = new Dictionary<StatementOrder, string>
    {
        [StatementOrder.SaidOnDescending] = "s.saidOnStart IS NULL, s.saidOnStart DESC, s.id",
        [StatementOrder.SaidOnAscending] = "s.saidOnStart IS NULL, s.saidOnStart, s.id",
        [StatementOrder.RecordedAtDescending] = "s.recordedAt DESC, s.id",
        [StatementOrder.RecordedAtAscending] = "s.recordedAt, s.id",
    }.ToFrozenDictionary(o => o.Key, o => Statement(
        $"find-statements-{Kebab(o.Key.ToString())}",
        $$"""
        {{MatchStatements}}
        WITH s
        ORDER BY {{o.Value}}
        WITH collect(s) AS matches
        RETURN size(matches) AS total, [s IN matches[$skip..($skip + $take)] | s {{StatementMap}}] AS page
        """,
        FilterExample(("skip", 0L), ("take", 50L))));

    private static readonly string PathTypes = string.Join("|",
        RelationshipTypes.Made, RelationshipTypes.OnBehalfOf, RelationshipTypes.AddressedTo, RelationshipTypes.CitesExemplar,
        RelationshipTypes.Benefits, RelationshipTypes.Concerns, RelationshipTypes.RespondsTo, RelationshipTypes.AffiliatedWith, RelationshipTypes.PartOf);

    private const string PathResult = """
        RETURN [x IN nodes(p) | {id: x.id, labels: labels(x)}] AS nodes,
               [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id}] AS steps
        """;

    /// <summary>
    /// Paths between two actors of at most <paramref name="maxHops"/> relationships (Cypher takes no parameter for a
    /// length bound, so there is one statement per bound): the shortest ones, or every path without repeated nodes.
    /// </summary>
    public static CypherStatement FindPaths(int maxHops, bool shortestOnly) => FindPathStatements[(maxHops, shortestOnly)];

    private static readonly FrozenDictionary<(int MaxHops, bool ShortestOnly), CypherStatement> FindPathStatements =
        Enumerable.Range(1, PathQuery.MaxHopsAllowed)
            .SelectMany(hops => new[] { (hops, true), (hops, false) })
            .ToFrozenDictionary(k => k, k => Statement(
                $"find-{(k.Item2 ? "shortest" : "all")}-paths-{k.hops}-hops",
                k.Item2
                    ? $$"""
                    MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
                    MATCH p = allShortestPaths((a)-[:{{PathTypes}}*..{{k.hops}}]-(b))
                    WHERE all(r IN relationships(p) WHERE type(r) IN $types)
                      AND none(x IN nodes(p) WHERE x:Statement AND coalesce(x.retracted, false))
                    WITH p
                    ORDER BY [x IN nodes(p) | x.id]
                    LIMIT $limit
                    {{PathResult}}
                    """
                    : $$"""
                    MATCH p = (:Actor {id: $from})-[:{{PathTypes}}*1..{{k.hops}}]-(:Actor {id: $to})
                    WHERE all(r IN relationships(p) WHERE type(r) IN $types)
                      AND none(x IN nodes(p) WHERE x:Statement AND coalesce(x.retracted, false))
                      AND all(i IN range(0, size(nodes(p)) - 2) WHERE NOT nodes(p)[i] IN nodes(p)[(i + 1)..])
                    WITH p
                    ORDER BY length(p), [x IN nodes(p) | x.id]
                    LIMIT $limit
                    {{PathResult}}
                    """,
                new() { ["from"] = "nicole-ozer", ["to"] = "microsoft", ["types"] = new[] { "MADE", "ADDRESSED_TO", "AFFILIATED_WITH", "PART_OF" }, ["limit"] = 10L }));

    private static readonly string NeighbourhoodTypes = string.Join("|",
        StatementKinds.DerivedRelationshipTypes.Append(RelationshipTypes.AffiliatedWith).Append(RelationshipTypes.PartOf));

    // A structural link always counts; a statement's edge when of the kinds and dates asked for.
    private static readonly string NeighbourhoodEdge = $"""
        (type(r) IN ['{RelationshipTypes.AffiliatedWith}', '{RelationshipTypes.PartOf}']
         OR (($kinds IS NULL OR r.kind IN $kinds)
             AND ($saidFrom IS NULL OR r.saidOnEnd >= $saidFrom)
             AND ($saidTo IS NULL OR r.saidOnStart <= $saidTo)))
        """;

    /// <summary>An actor's ego network to a depth (one statement per depth): the actors reached and every edge among them.</summary>
    public static CypherStatement Neighbourhood(int depth) => NeighbourhoodStatements[depth];

    private static readonly FrozenDictionary<int, CypherStatement> NeighbourhoodStatements = Enumerable.Range(1, NetworkView.MaxDepth)
        .ToFrozenDictionary(depth => depth, depth => Statement(
            $"neighbourhood-{depth}-deep",
            $$"""
            MATCH (start:Actor {id: $id})
            CALL (start) {
              MATCH (start)-[rels:{{NeighbourhoodTypes}}*0..{{depth}}]-(other:Actor)
              WHERE all(r IN rels WHERE {{NeighbourhoodEdge}})
              RETURN collect(DISTINCT other) AS actors
            }
            RETURN [actor IN actors | actor {{ActorMap}}] AS nodes,
                   COLLECT {
                     UNWIND actors AS a
                     MATCH (a)-[r:{{NeighbourhoodTypes}}]->(b:Actor)
                     WHERE b IN actors AND {{NeighbourhoodEdge}}
                     RETURN {type: type(r), from: a.id, to: b.id, key: r.key, kind: r.kind, statementId: r.statementId, saidOn: r.saidOn, role: r.role}
                   } AS edges
            """,
            new() { ["id"] = "amazon", ["kinds"] = new[] { "CRITICISE" }, ["saidFrom"] = "2020-06-01", ["saidTo"] = null }));

    /// <summary>Statements matching a filter collapsed into weighted speaker-to-addressee edges per kind, heaviest first.</summary>
    public static CypherStatement ActorNetwork { get; } = Statement(
        "actor-network",
        $$"""
        {{MatchStatements}}
        MATCH (speaker:Actor)-[:MADE]->(s)-[:ADDRESSED_TO]->(addressee:Actor)
        WITH speaker.id AS source, addressee.id AS target, s.kind AS kind, s.saidOnStart AS start, s.saidOn AS saidOn
        ORDER BY start, saidOn
        WITH source, target, kind, count(*) AS count, collect(saidOn) AS dates
        ORDER BY count DESC, source, target, kind
        LIMIT $limit
        RETURN source, target, kind, count, head(dates) AS first, last(dates) AS last
        """,
        FilterExample(("limit", 100L)));

    /// <summary>Statements matching a filter counted by one dimension (one statement per dimension), most first.</summary>
    public static CypherStatement CountStatements(CountDimension by) => CountStatementStatements[by];

    private static readonly FrozenDictionary<CountDimension, CypherStatement> CountStatementStatements = new Dictionary<CountDimension, string>
    {
        [CountDimension.Kind] = "WITH s.kind AS key",
        [CountDimension.Speaker] = """
            MATCH (actor:Actor)-[:MADE]->(s)
            WHERE $organisationKinds IS NULL OR (actor:Organisation AND actor.kind IN $organisationKinds)
            WITH actor.id AS key
            """,
        [CountDimension.Addressee] = """
            MATCH (s)-[:ADDRESSED_TO]->(actor:Actor)
            WHERE $organisationKinds IS NULL OR (actor:Organisation AND actor.kind IN $organisationKinds)
            WITH actor.id AS key
            """,
        [CountDimension.Topic] = "MATCH (s)-[:ABOUT]->(topic:Topic) WITH topic.id AS key, topic.name AS label",
        [CountDimension.Month] = "WITH s WHERE s.saidOnPrecision IN ['MONTH', 'DAY'] WITH substring(s.saidOn, 0, 7) AS key",
    }.ToFrozenDictionary(d => d.Key, d => Statement(
        $"count-statements-by-{Kebab(d.Key.ToString())}",
        $$"""
        {{MatchStatements}}
        {{d.Value}}{{(d.Key == CountDimension.Topic ? "" : ", null AS label")}}
        RETURN key, label, count(*) AS count
        ORDER BY count DESC, key
        LIMIT $limit
        """,
        FilterExample(("organisationKinds", d.Key is CountDimension.Speaker or CountDimension.Addressee ? new[] { "COMPANY" } : null), ("limit", 20L))));

    /// <summary>How each actor has spoken to or about a target: its statements' kinds, counted as supportive, critical or other.</summary>
    public static CypherStatement Stances { get; } = Statement(
        "stances",
        """
        MATCH (:Actor {id: $targetId})<-[:ADDRESSED_TO|CONCERNS]-(s:Statement)
        WHERE NOT coalesce(s.retracted, false)
        WITH DISTINCT s
        MATCH (speaker:Actor)-[:MADE]->(s)
        WHERE speaker.id <> $targetId AND ($actorId IS NULL OR speaker.id = $actorId)
        WITH speaker.id AS actorId, s.kind AS kind
        WITH actorId,
             count(CASE WHEN kind IN $supportive THEN 1 END) AS supportive,
             count(CASE WHEN kind IN $critical THEN 1 END) AS critical,
             count(CASE WHEN NOT kind IN $supportive AND NOT kind IN $critical THEN 1 END) AS other
        ORDER BY supportive + critical + other DESC, actorId
        LIMIT $limit
        RETURN actorId, supportive, critical, other
        """,
        new() { ["targetId"] = "amazon", ["actorId"] = null, ["supportive"] = new[] { "SUPPORT", "PLEDGE" }, ["critical"] = new[] { "CRITICISE", "DEMAND" }, ["limit"] = 20L });

    private static Dictionary<string, object?> FilterExample(params (string Name, object? Value)[] more)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["includeRetracted"] = false,
            ["clauses"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["kindSets"] = new[] { new[] { "APPEAL" } }, ["speakerIds"] = Array.Empty<string>(), ["addresseeIds"] = new[] { "microsoft" },
                    ["exemplarIds"] = Array.Empty<string>(), ["beneficiaryIds"] = Array.Empty<string>(), ["subjectIds"] = Array.Empty<string>(),
                    ["actorIds"] = Array.Empty<string>(), ["topicIdSets"] = Array.Empty<string[]>(), ["saidFrom"] = "2020-06-01", ["saidTo"] = null,
                    ["texts"] = new[] { "follow" }, ["hasExemplar"] = true,
                },
            },
        };
        foreach (var (name, value) in more)
        {
            parameters[name] = value;
        }

        return parameters;
    }

    public static CypherStatement OrganisationParts { get; } = Statement(
        "organisation-parts",
        $$"""
        MATCH (:Organisation {id: $id})<-[:PART_OF]-(actor:Organisation)
        RETURN actor {{ActorMap}} AS actor
        ORDER BY actor.normalisedName, actor.id
        """,
        new() { ["id"] = "aclu" });

    public static CypherStatement OrganisationMembers { get; } = Statement(
        "organisation-members",
        """
        MATCH (organisation:Organisation {id: $id})<-[affiliation:AFFILIATED_WITH]-(person:Person)
        RETURN person.id AS personId, organisation.id AS organisationId, affiliation.role AS role, affiliation.from AS from, affiliation.to AS to
        ORDER BY person.id, affiliation.from, affiliation.role
        """,
        new() { ["id"] = "aclu-northern-california" });

    /// <summary>Every statement above, for <c>cypher --json</c> and the linter.</summary>
    public static IReadOnlyList<CypherStatement> All { get; } =
    [
        .. Schema,
        ReadCheckpoint,
        AdvanceCheckpoint,
        .. UpsertNodeStatements.Values.OrderBy(s => s.Name, StringComparer.Ordinal),
        .. UpsertRelationshipStatements.Values.OrderBy(s => s.Name, StringComparer.Ordinal),
        .. RemoveRelationshipStatements.Values.OrderBy(s => s.Name, StringComparer.Ordinal),
        DeleteAll,
        CountNodes,
        ActorsById,
        FindActors,
        StatementsById,
        .. FindStatementStatements.Values.OrderBy(s => s.Name, StringComparer.Ordinal),
        OrganisationParts,
        OrganisationMembers,
        .. FindPathStatements.Values.OrderBy(s => s.Name, StringComparer.Ordinal),
        .. NeighbourhoodStatements.Values.OrderBy(s => s.Name, StringComparer.Ordinal),
        ActorNetwork,
        .. CountStatementStatements.Values.OrderBy(s => s.Name, StringComparer.Ordinal),
        Stances,
    ];

    private static CypherStatement Statement(string name, string text, Dictionary<string, object?>? parameters = null) =>
        new(name, text.Trim(), parameters ?? []);

    private static Dictionary<string, object?> RelationshipRow(RelationshipShape shape) => new()
    {
        ["from"] = "a",
        ["to"] = "b",
        ["key"] = shape.Keyed ? "k" : null,
        ["properties"] = new Dictionary<string, object?> { ["ordinal"] = 0L },
    };

    private static string Kebab(string name) =>
        name.All(c => !char.IsLower(c))
            ? name.ToLowerInvariant().Replace('_', '-')
            : string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string Snake(string name) => Kebab(name).Replace('-', '_');
}
