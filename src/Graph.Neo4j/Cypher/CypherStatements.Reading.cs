using Graph.Abstractions.Statements;
using Graph.Projection.Model;
using Graph.Projection.Reading;
using P = Graph.Projection.Model.PropertyKeys;

namespace Graph.Neo4j.Cypher;

/// <summary>The statements that read actors, statements by id, paths, ego networks and stances.</summary>
public static partial class CypherStatements
{
    // The shape every reader returns an actor in: enough for OrganisationView and PersonView.
    private static readonly string ActorMap = $$"""
        {.{{P.Id}}, .{{P.Name}}, .{{P.Aliases}}, .{{P.Kind}}, .{{P.ExternalIds}}, labels: labels(actor),
         parentId: head([(actor)-[:{{RelationshipTypes.PartOf}}]->(parent:{{NodeLabels.Organisation}}) | parent.{{P.Id}}]),
         affiliations: [(actor)-[affiliation:{{RelationshipTypes.AffiliatedWith}}]->(organisation:{{NodeLabels.Organisation}}) |
           {organisationId: organisation.{{P.Id}}, {{P.Role}}: affiliation.{{P.Role}}, {{P.From}}: affiliation.{{P.From}},
            {{P.To}}: affiliation.{{P.To}}}]}
        """;

    // A statement's properties, its speaker's id, the ids of the others in each role (with the role's type and
    // ordinal), and its texts, topics and sources when asked for: what StatementView holds, and no actor's properties.
    private static string StatementMap(StatementParts parts)
    {
        var texts = parts.HasFlag(StatementParts.Texts) ? $" .{P.Quote}, .{P.Summary}, .{P.RetractionReason}," : "";
        var topics = parts.HasFlag(StatementParts.Topics)
            ? $$"""
                ,
                 topics: [(s)-[role:{{RelationshipTypes.About}}]->(topic) | [role.{{P.Ordinal}}, topic.{{P.Id}}, topic.{{P.Name}}]]
                """
            : "";
        var sources = parts.HasFlag(StatementParts.Sources)
            ? $$"""
                ,
                 sources: [(s)-[role:{{RelationshipTypes.SupportedBy}}]->(source) | source {.{{P.Id}}, .{{P.Url}}, .{{P.Title}}, .{{P.Publisher}},
                   .{{P.PublishedOn}}, {{P.Ordinal}}: role.{{P.Ordinal}}, {{P.QuoteStart}}: role.{{P.QuoteStart}},
                   {{P.QuoteEnd}}: role.{{P.QuoteEnd}}}]
                """
            : "";
        return $$"""
            {.{{P.Id}}, .{{P.Kind}}, .{{P.CameoCode}}, .{{P.SaidOn}}, .{{P.RecordedAt}}, .{{P.Confidence}}, .{{P.Retracted}},{{texts}} .{{P.RetractedAt}},
             speaker: head([(speaker)-[:{{RelationshipTypes.Made}}]->(s) | speaker.{{P.Id}}]),
             roles: [(s)-[role:{{string.Join("|", RelationshipTypes.StatementRoles.Append(RelationshipTypes.RespondsTo))}}]->(other) |
               [type(role), role.{{P.Ordinal}}, other.{{P.Id}}]]{{topics}}{{sources}}}
            """;
    }

    // The actors the statements in `page` name, each once.
    private static readonly string PageActors = $$"""
        COLLECT {
          UNWIND page AS s
          MATCH (s)-[:{{string.Join("|", RelationshipTypes.StatementRoles.Prepend(RelationshipTypes.Made))}}]-(actor:{{NodeLabels.Actor}})
          WITH DISTINCT actor
          RETURN actor {{ActorMap}}
        }
        """;

    public static CypherStatement ActorsById { get; } = Statement(
        "actors-by-id",
        $$"""
        MATCH (actor:{{NodeLabels.Actor}})
        WHERE actor.{{P.Id}} IN $ids
        RETURN actor {{ActorMap}} AS actor
        """,
        new() { ["ids"] = new[] { "aclu", "nicole-ozer" } });

    /// <summary>Actors whose names hold the text or its words, in the order asked for; see <see cref="ActorSearch"/>.</summary>
    public static CypherStatement FindActors(ActorOrder order)
    {
        var statementRoles = string.Join("|", RelationshipTypes.StatementRoles.Prepend(RelationshipTypes.Made));
        var (counted, sort) = order switch
        {
            ActorOrder.StatementCount => ($$"""
                WITH actor, COUNT { MATCH (actor)-[:{{statementRoles}}]-(s:{{NodeLabels.Statement}}) WHERE NOT coalesce(s.{{P.Retracted}}, false) RETURN DISTINCT s } AS statements

                """, "statements DESC, "),
            ActorOrder.Name => ("", ""),
            _ => ("", "rank, "),
        };
        return Statement(
            $"find-actors-by-{Kebab(order.ToString())}",
            $$"""
            MATCH (actor:{{NodeLabels.Actor}})
            WHERE ($label IS NULL OR $label IN labels(actor))
            WITH actor, [actor.{{P.NormalisedName}}] + coalesce(actor.{{P.NormalisedAliases}}, []) AS names
            WITH actor, CASE
                WHEN $text IS NULL OR $text IN names THEN 0
                WHEN any(name IN names WHERE name CONTAINS $text) THEN 1
                WHEN size($words) > 0 AND any(name IN names WHERE all(word IN $words WHERE name CONTAINS word)) THEN 2
              END AS rank
            WHERE rank IS NOT NULL
            {{counted}}ORDER BY {{sort}}actor.{{P.NormalisedName}}, actor.{{P.Id}}
            SKIP $skip
            LIMIT $limit
            RETURN actor {{ActorMap}} AS actor
            """,
            new() { ["text"] = "ton that", ["words"] = new[] { "ton", "that" }, ["label"] = null, ["skip"] = 0L, ["limit"] = 20L });
    }

    /// <summary>Topics whose id holds every word given, those of the most statements first; see <see cref="IGraphReader.FindTopicsAsync"/>.</summary>
    public static CypherStatement FindTopics { get; } = Statement(
        "find-topics",
        $$"""
        MATCH (topic:{{NodeLabels.Topic}})
        WHERE all(word IN $words WHERE topic.{{P.Id}} CONTAINS word)
        WITH topic, COUNT { MATCH (topic)<-[:{{RelationshipTypes.About}}]-(s:{{NodeLabels.Statement}}) WHERE NOT coalesce(s.{{P.Retracted}}, false) } AS statements
        ORDER BY statements DESC, topic.{{P.Name}}, topic.{{P.Id}}
        SKIP $skip
        LIMIT $limit
        RETURN topic.{{P.Id}} AS id, topic.{{P.Name}} AS name
        """,
        new() { ["words"] = new[] { "facial" }, ["skip"] = 0L, ["limit"] = 20L });

    public static CypherStatement StatementsById { get; } = Statement(
        "statements-by-id",
        $$"""
        MATCH (s:{{NodeLabels.Statement}})
        WHERE s.{{P.Id}} IN $ids
        RETURN s {{StatementMap(StatementParts.Texts | StatementParts.Topics | StatementParts.Sources)}} AS statement
        """,
        new() { ["ids"] = new[] { "aclu-urges-microsoft-to-follow-ibm-and-amazon" } });

    public static CypherStatement OrganisationParts { get; } = Statement(
        "organisation-parts",
        $$"""
        MATCH (:{{NodeLabels.Organisation}} {{{P.Id}}: $id})<-[:{{RelationshipTypes.PartOf}}]-(actor:{{NodeLabels.Organisation}})
        RETURN actor {{ActorMap}} AS actor
        ORDER BY actor.{{P.NormalisedName}}, actor.{{P.Id}}
        """,
        new() { ["id"] = "aclu" });

    public static CypherStatement OrganisationMembers { get; } = Statement(
        "organisation-members",
        $$"""
        MATCH (organisation:{{NodeLabels.Organisation}} {{{P.Id}}: $id})<-[affiliation:{{RelationshipTypes.AffiliatedWith}}]-(person:{{NodeLabels.Person}})
        RETURN person.{{P.Id}} AS personId, organisation.{{P.Id}} AS organisationId, affiliation.{{P.Role}} AS role,
               affiliation.{{P.From}} AS from, affiliation.{{P.To}} AS to
        ORDER BY person.{{P.Id}}, affiliation.{{P.From}}, affiliation.{{P.Role}}
        """,
        new() { ["id"] = "aclu-northern-california" });

    /// <summary>How each actor has spoken to or about a target: its statements' kinds, counted as supportive, critical or other.</summary>
    public static CypherStatement Stances { get; } = Statement(
        "stances",
        $$"""
        MATCH (:{{NodeLabels.Actor}} {{{P.Id}}: $targetId})<-[:{{RelationshipTypes.AddressedTo}}|{{RelationshipTypes.Concerns}}]-(s:{{NodeLabels.Statement}})
        WHERE NOT coalesce(s.{{P.Retracted}}, false)
        WITH DISTINCT s
        MATCH (speaker:{{NodeLabels.Actor}})-[:{{RelationshipTypes.Made}}]->(s)
        WHERE speaker.{{P.Id}} <> $targetId AND ($actorId IS NULL OR speaker.{{P.Id}} = $actorId)
        WITH speaker.{{P.Id}} AS actorId, s.{{P.Kind}} AS kind
        WITH actorId,
             count(CASE WHEN kind IN $supportive THEN 1 END) AS supportive,
             count(CASE WHEN kind IN $critical THEN 1 END) AS critical,
             count(CASE WHEN NOT kind IN $supportive AND NOT kind IN $critical THEN 1 END) AS other
        ORDER BY supportive + critical + other DESC, actorId
        LIMIT $limit
        RETURN actorId, supportive, critical, other
        """,
        new()
        {
            ["targetId"] = "amazon", ["actorId"] = null, ["supportive"] = new[] { "SUPPORT", "PLEDGE" },
            ["critical"] = new[] { "CRITICISE", "DEMAND" }, ["limit"] = 20L,
        });

    /// <summary>
    /// Paths between two actors through the links asked for, never through a retracted statement: the shortest ones, or
    /// every path without repeated nodes of at most <see cref="PathQuery.MaxHops"/> relationships, shortest first; then
    /// in order of the ids along them, the types of their steps and where each step starts. The length bound and the
    /// relationship types are part of the pattern (Cypher takes no parameter for them), so Neo4j prunes by both.
    /// </summary>
    public static CompiledQuery FindPaths(PathQuery query)
    {
        var types = string.Join("|", PathLinks.AllTypes.Where(type => query.Via.Any(link => PathLinks.TypesOf(link).Contains(type))));
        var links = string.Join("-", Enum.GetValues<PathLink>().Where(query.Via.Contains).Select(link => Kebab(link.ToString())));
        var notRetracted = $"none(x IN nodes(p) WHERE x:{NodeLabels.Statement} AND coalesce(x.{P.Retracted}, false))";
        var match = query.ShortestOnly
            ? $$"""
                MATCH (a:{{NodeLabels.Actor}} {{{P.Id}}: $from}), (b:{{NodeLabels.Actor}} {{{P.Id}}: $to})
                MATCH p = allShortestPaths((a)-[:{{types}}*..{{query.MaxHops}}]-(b))
                WHERE {{notRetracted}}
                """
            : $$"""
                MATCH p = (:{{NodeLabels.Actor}} {{{P.Id}}: $from})-[:{{types}}*1..{{query.MaxHops}}]-(:{{NodeLabels.Actor}} {{{P.Id}}: $to})
                WHERE {{notRetracted}}
                  AND all(i IN range(0, size(nodes(p)) - 2) WHERE NOT nodes(p)[i] IN nodes(p)[(i + 1)..])
                """;
        var statement = Statement(
            $"find-{(query.ShortestOnly ? "shortest" : "all")}-paths-{query.MaxHops}-hops-via-{links}",
            $$"""
            {{match}}
            WITH p
            ORDER BY length(p), [x IN nodes(p) | x.{{P.Id}}], [r IN relationships(p) | type(r)], [r IN relationships(p) | startNode(r).{{P.Id}}]
            LIMIT $limit
            RETURN [x IN nodes(p) | {id: x.{{P.Id}}, labels: labels(x)}] AS nodes,
                   [r IN relationships(p) | {type: type(r), from: startNode(r).{{P.Id}}, to: endNode(r).{{P.Id}}}] AS steps
            """,
            new() { ["from"] = query.FromId, ["to"] = query.ToId, ["limit"] = (long)query.Limit });
        return new CompiledQuery(statement, statement.ExampleParameters);
    }

    /// <summary>
    /// An actor's ego network: the actors within the query's depth through statements (speaker-to-addressee edges,
    /// and from a speaker through its statement to the actors in the other roles asked for, of the kinds and dates
    /// asked for) and structural links, found a hop at a time so each actor is expanded at most once a hop, however
    /// many paths lead to it; and every such edge among them.
    /// </summary>
    public static CompiledQuery Neighbourhood(NeighbourhoodQuery query)
    {
        var roles = query.RolesAsked;
        var kinds = query.Kinds is { Count: > 0 } asked ? asked.Distinct().Order().ToList() : null;

        // A kind has its own derived type, so the kinds asked for are the types expanded, not a filter after it.
        IEnumerable<string> derived = !roles.Contains(StatementRole.Addressee) ? []
            : kinds is not null ? kinds.Select(StatementKinds.DerivedRelationshipType)
            : StatementKinds.DerivedRelationshipTypes;
        var types = string.Join("|", derived.Concat(RelationshipTypes.Structural));
        var roleTypes = string.Join("|", roles.Where(r => r != StatementRole.Addressee).Order().Select(StatementRoles.RelationshipType));

        var conditions = new List<string>();
        var statementConditions = new List<string> { $"NOT coalesce(s.{P.Retracted}, false)" };
        var parameters = new Dictionary<string, object?> { ["id"] = query.ActorId, ["limit"] = (long)query.Limit };
        if (query.SaidFrom is { } from)
        {
            conditions.Add($"r.{P.SaidOnEnd} >= $saidFrom");
            statementConditions.Add($"s.{P.SaidOnEnd} >= $saidFrom");
            parameters["saidFrom"] = IsoDate(from);
        }

        if (query.SaidTo is { } to)
        {
            conditions.Add($"r.{P.SaidOnStart} <= $saidTo");
            statementConditions.Add($"s.{P.SaidOnStart} <= $saidTo");
            parameters["saidTo"] = IsoDate(to);
        }

        if (kinds is not null && roleTypes.Length > 0)
        {
            statementConditions.Add($"s.{P.Kind} IN $kinds");
            parameters["kinds"] = kinds.Select(GraphEnums.Name).ToArray();
        }

        var counts = conditions.Count == 0
            ? "true"
            : $"(type(r) IN [{string.Join(", ", RelationshipTypes.Structural.Select(t => $"'{t}'"))}] OR ({string.Join(" AND ", conditions)}))";
        var statementCounts = string.Join(" AND ", statementConditions);
        var throughStatements = roleTypes.Length == 0 ? "" : $$"""

                  UNION ALL
                  MATCH (node)-[:{{RelationshipTypes.Made}}]->(s:{{NodeLabels.Statement}})-[:{{roleTypes}}]->(next:{{NodeLabels.Actor}})
                  WHERE {{statementCounts}}
                  RETURN next
                  UNION ALL
                  MATCH (node)<-[:{{roleTypes}}]-(s:{{NodeLabels.Statement}})<-[:{{RelationshipTypes.Made}}]-(next:{{NodeLabels.Actor}})
                  WHERE {{statementCounts}}
                  RETURN next
            """;
        // A hop at a time, the actors with the most links to those already reached first, until the limit.
        var hops = string.Concat(Enumerable.Range(1, query.Depth).Select(hop => $$"""
            CALL (frontier, reached) {
              UNWIND frontier AS node
              CALL (node) {
                  MATCH (node)-[r:{{types}}]-(next:{{NodeLabels.Actor}})
                  WHERE {{counts}}
                  RETURN next{{throughStatements}}
              }
              WITH next
              WHERE NOT next IN reached
              WITH next, count(*) AS links
              ORDER BY links DESC, next.{{P.Id}}
              RETURN collect(next) AS ranked
            }
            WITH start, reached, ranked, truncated, $limit + 1 - size(reached) AS room
            WITH start, reached + ranked[..room] AS reached, ranked[..room] AS frontier, truncated OR size(ranked) > room AS truncated

            """));
        var roleEdges = roleTypes.Length == 0 ? "[] AS through" : $$"""
            CALL (actor, reached) {
              MATCH (actor)-[:{{RelationshipTypes.Made}}]->(s:{{NodeLabels.Statement}})-[r:{{roleTypes}}]->(other:{{NodeLabels.Actor}})
              WHERE other IN reached AND {{statementCounts}}
              RETURN collect({type: type(r), start: actor.{{P.Id}}, end: other.{{P.Id}}, {{P.Key}}: s.{{P.Id}}, {{P.Kind}}: s.{{P.Kind}},
                {{P.StatementId}}: s.{{P.Id}}, {{P.SaidOn}}: s.{{P.SaidOn}}}) AS through
            }
            """;
        var name = $"neighbourhood-{query.Depth}-deep{(kinds is not null ? "-of-kinds" : "")}{(conditions.Count > 0 ? "-dated" : "")}"
            + (roles.Count == StatementRoles.All.Count ? "" : "-" + (roles.Count == 0 ? "no-roles" : string.Join("-", roles.Order().Select(r => Kebab(r.ToString())))));
        var statement = Statement(
            name,
            $$"""
            MATCH (start:{{NodeLabels.Actor}} {{{P.Id}}: $id})
            WITH start, [start] AS reached, [start] AS frontier, false AS truncated
            {{hops}}UNWIND reached AS actor
            WITH DISTINCT actor, reached, truncated
            CALL (actor, reached) {
              MATCH (actor)-[r:{{types}}]->(other:{{NodeLabels.Actor}})
              WHERE other IN reached AND {{counts}}
              RETURN collect({type: type(r), start: actor.{{P.Id}}, end: other.{{P.Id}}, {{P.Key}}: r.{{P.Key}}, {{P.Kind}}: r.{{P.Kind}},
                {{P.StatementId}}: r.{{P.StatementId}}, {{P.SaidOn}}: r.{{P.SaidOn}}, {{P.Role}}: r.{{P.Role}}}) AS direct
            }
            {{(roleTypes.Length == 0 ? "WITH actor, direct, [] AS through, truncated" : roleEdges)}}
            RETURN actor {{ActorMap}} AS actor, direct + through AS edges, truncated
            """,
            parameters);
        return new CompiledQuery(statement, parameters);
    }

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
