using Graph.Abstractions.Statements;
using Graph.Neo4j.Cypher;
using Graph.Projection.Reading;

namespace Graph.Benchmarks;

/// <summary>
/// One analyst's question, asked three ways over the same Neo4j data: through the service's GraphQL endpoint, as the
/// Cypher the service compiles for it (profiled for its database hits), and as Cypher written by hand for this one
/// question and sent straight to the Query API: the floor for any Neo4j-backed answer.
/// </summary>
public sealed record Neo4jQuestion(string Name, string GraphQL, IReadOnlyList<CompiledQuery> Compiled, string Floor, object FloorParameters)
{
    public static IReadOnlyList<Neo4jQuestion> For(SyntheticGraph graph) =>
    [
        new(
            "headline (first 50 + total)",
            Measurements.Headline,
            [CypherStatements.FindStatements(new StatementFilter(Kinds: [StatementKind.Appeal], HasExemplar: true), StatementOrder.SaidOnDescending, 0, 50, StatementParts.Sources | StatementParts.Actors)],
            """
            CALL () { MATCH (s:Statement {kind: 'APPEAL'})
                      WHERE EXISTS { (s)-[:CITES_EXEMPLAR]->() } AND NOT coalesce(s.retracted, false)
                      RETURN count(s) AS total }
            CALL () { MATCH (s:Statement) USING INDEX s:Statement(saidOnStart, saidOnEnd)
                      WHERE s.saidOnStart IS NOT NULL AND s.saidOnEnd IS NOT NULL AND s.kind = 'APPEAL'
                        AND EXISTS { (s)-[:CITES_EXEMPLAR]->() } AND NOT coalesce(s.retracted, false)
                      WITH s ORDER BY s.saidOnStart DESC, s.id LIMIT 50
                      RETURN collect(s {.id, .kind, .saidOn, speaker: head([(a:Actor)-[:MADE]->(s) | a.name]),
                        addressees: [(s)-[:ADDRESSED_TO]->(a:Actor) | a.name], exemplars: [(s)-[:CITES_EXEMPLAR]->(a:Actor) | a.name],
                        sources: [(s)-[:SUPPORTED_BY]->(src:Source) | src {.publisher, .url}]}) AS page }
            RETURN total, page
            """,
            new { }),
        new(
            "3-hop path",
            Measurements.ThreeHopPath(graph.ThreeHopPair.From, graph.ThreeHopPair.To),
            [CypherStatements.FindPaths(new PathQuery(graph.ThreeHopPair.From, graph.ThreeHopPair.To, 3, new HashSet<PathLink>(Enum.GetValues<PathLink>()), true, 10))],
            """
            MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
            MATCH p = allShortestPaths((a)-[:MADE|ON_BEHALF_OF|ADDRESSED_TO|CITES_EXEMPLAR|BENEFITS|CONCERNS|RESPONDS_TO|AFFILIATED_WITH|PART_OF*..3]-(b))
            WHERE none(x IN nodes(p) WHERE x:Statement AND coalesce(x.retracted, false))
            RETURN [x IN nodes(p) | labels(x)] AS nodes, length(p) AS length
            LIMIT 10
            """,
            new { from = graph.ThreeHopPair.From, to = graph.ThreeHopPair.To }),
        new(
            "statementCounts",
            "{ statementCounts(filter: { kinds: [APPEAL, DEMAND] }, by: ADDRESSEE, first: 10) { key count actor { name } } }",
            [CypherStatements.CountStatements(new StatementFilter(Kinds: [StatementKind.Appeal, StatementKind.Demand]), CountDimension.Addressee, [], 10)],
            """
            MATCH (s:Statement)-[:ADDRESSED_TO]->(a:Actor)
            WHERE s.kind IN ['APPEAL', 'DEMAND'] AND NOT coalesce(s.retracted, false)
            WITH a, count(*) AS count
            ORDER BY count DESC, a.id
            LIMIT 10
            RETURN a.id AS key, a.name AS name, count
            """,
            new { }),
        new(
            "actorNetwork",
            "{ actorNetwork(filter: { kinds: [CRITICISE] }, first: 50) { nodes { id name } edges { source target kind count firstSaidOn lastSaidOn } } }",
            [CypherStatements.ActorNetwork(new StatementFilter(Kinds: [StatementKind.Criticise]), 50)],
            """
            MATCH (speaker:Actor)-[r:CRITICISED]->(addressee:Actor)
            WITH speaker, addressee, count(*) AS count, min(r.saidOnStart + ' ' + r.saidOn) AS first, max(r.saidOnStart + ' ' + r.saidOn) AS last
            ORDER BY count DESC, speaker.id, addressee.id
            LIMIT 50
            RETURN speaker.id, speaker.name, addressee.id, addressee.name, count, substring(first, 11), substring(last, 11)
            """,
            new { }),
        new(
            "neighbourhood (2 hops)",
            """{ neighbourhood(actor: { id: "o100" }, depth: 2, kinds: [CRITICISE], saidFrom: "2020", saidTo: "2020", roles: [ADDRESSEE]) { nodes { id name } edges { id type source target kind saidOn } } }""",
            [CypherStatements.Neighbourhood(new NeighbourhoodQuery("o100", 2, [StatementKind.Criticise], new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31), new HashSet<StatementRole> { StatementRole.Addressee }))],
            """
            MATCH (start:Actor {id: $id})
            CALL (start) {
              MATCH (start)-[r:CRITICISED|AFFILIATED_WITH|PART_OF]-(next:Actor)
              WHERE type(r) <> 'CRITICISED' OR (r.saidOnEnd >= $from AND r.saidOnStart <= $to)
              RETURN collect(DISTINCT next) AS first
            }
            CALL (first) {
              UNWIND first AS node
              MATCH (node)-[r:CRITICISED|AFFILIATED_WITH|PART_OF]-(next:Actor)
              WHERE type(r) <> 'CRITICISED' OR (r.saidOnEnd >= $from AND r.saidOnStart <= $to)
              RETURN collect(DISTINCT next) AS second
            }
            UNWIND [start] + first + second AS actor
            WITH DISTINCT actor, [start] + first + second AS reached
            CALL (actor, reached) {
              MATCH (actor)-[r:CRITICISED|AFFILIATED_WITH|PART_OF]->(other:Actor)
              WHERE other IN reached AND (type(r) <> 'CRITICISED' OR (r.saidOnEnd >= $from AND r.saidOnStart <= $to))
              RETURN collect({type: type(r), to: other.id, saidOn: r.saidOn}) AS edges
            }
            RETURN actor.id, actor.name, edges
            """,
            new { id = "o100", from = "2020-01-01", to = "2020-12-31" }),
    ];
}
