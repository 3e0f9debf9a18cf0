using Graph.Abstractions.Statements;
using Graph.Projection.Model;
using Graph.Projection.Reading;
using P = Graph.Projection.Model.PropertyKeys;

namespace Graph.Neo4j.Cypher;

/// <summary>The statements over statement filters: pages of statements, counts and actor networks.</summary>
public static partial class CypherStatements
{
    /// <summary>Filters whose compiled statements <see cref="All"/> lists: every way a search can start, and an or.</summary>
    private static readonly (string Name, StatementFilter Filter)[] ExampleFilters =
    [
        ("kinds-with-exemplars", new StatementFilter(Kinds: [StatementKind.Appeal], HasExemplar: true)),
        ("everything", StatementFilter.All),
        ("dates-and-text", new StatementFilter(SaidFrom: new DateOnly(2020, 6, 1), SaidTo: new DateOnly(2020, 6, 30), Text: "moratorium")),
        ("by-speaker", new StatementFilter(Kinds: [StatementKind.Demand], SpeakerId: "nicole-ozer", AddresseeId: "amazon")),
        ("to-addressee", new StatementFilter(AddresseeId: "amazon", ExemplarId: "ibm", BeneficiaryId: "thorn", SubjectId: "us-congress")),
        ("any-role", new StatementFilter(ActorId: "amazon", TopicIds: ["facial-recognition"], IncludeRetracted: true)),
        ("about-topics", new StatementFilter(TopicIds: ["facial-recognition", "rekognition-moratorium"], HasExemplar: false)),
        ("responses", new StatementFilter(RespondsToId: "amazon-rekognition-moratorium", Kinds: [StatementKind.Demand])),
        ("responses-to-anything", new StatementFilter(IsResponse: true, SpeakerId: "nicole-ozer")),
        ("either", new StatementFilter(Or: [new StatementFilter(Kinds: [StatementKind.Criticise], AddresseeId: "amazon"), new StatementFilter(Kinds: [StatementKind.Appeal])])),
    ];

    /// <summary>
    /// The statements a filter matches, in the given order (ties by id), the <paramref name="take"/> after the first
    /// <paramref name="skip"/>, with how many match in all. The total and the page are separate subqueries, and the
    /// page is read as statements first and turned into maps last, for its own rows only.
    /// </summary>
    /// <remarks>
    /// A filter that names an actor or a topic starts there and sorts what it finds, keeping only the page. One that
    /// does not is counted through the planner's choice of index first; then, when it matches so many statements that
    /// walking an ordered index finds the page sooner than sorting them all (total² &gt; (skip + take) × statements), the
    /// page is read by walking the index of the order (said on, or recorded at) and testing each statement, stopping
    /// once the page is full; undated statements, last in an order by date, are found apart when the page reaches them.
    /// </remarks>
    public static CompiledQuery FindStatements(StatementFilter filter, StatementOrder order, int skip, int take, StatementParts parts)
    {
        var match = StatementMatch.Compile(filter);
        var parameters = new Dictionary<string, object?>(match.Parameters) { ["skip"] = (long)skip, ["end"] = (long)skip + take };
        var sortKeys = order switch
        {
            StatementOrder.SaidOnDescending => $"s.{P.SaidOnStart} IS NULL, s.{P.SaidOnStart} DESC, s.{P.Id}",
            StatementOrder.SaidOnAscending => $"s.{P.SaidOnStart} IS NULL, s.{P.SaidOnStart}, s.{P.Id}",
            StatementOrder.RecordedAtDescending => $"s.{P.RecordedAt} DESC, s.{P.Id}",
            _ => $"s.{P.RecordedAt}, s.{P.Id}",
        };
        var text = match.Conditions is { } conditions ? Walked(conditions, order, sortKeys, parts) : $$"""
            CALL () {
              {{Indent(match.Match)}}
              RETURN count(s) AS total
            }
            CALL () {
              {{Indent(match.Match)}}
              WITH s
              ORDER BY {{sortKeys}}
              LIMIT $end
              RETURN collect(s) AS matches
            }
            WITH total, matches[$skip..] AS page
            {{PageResult(parts)}}
            """;
        return new CompiledQuery(Statement($"find-statements-{Kebab(order.ToString())}", text, parameters), parameters);
    }

    /// <summary>Statements matching a filter counted by one dimension, most first (ties by key).</summary>
    public static CompiledQuery CountStatements(StatementFilter filter, CountDimension by, IReadOnlyList<string> organisationKinds, int limit)
    {
        var match = StatementMatch.Compile(filter);
        var parameters = new Dictionary<string, object?>(match.Parameters) { ["limit"] = (long)limit };
        var kindOfActor = "";
        if (organisationKinds.Count > 0 && CountDimensions.CountsActors(by))
        {
            kindOfActor = $"\nWHERE actor:{NodeLabels.Organisation} AND actor.{P.Kind} IN $organisationKinds";
            parameters["organisationKinds"] = organisationKinds.ToArray();
        }

        if (by == CountDimension.Month)
        {
            parameters["monthly"] = new[] { GraphEnums.Name(DatePrecision.Month), GraphEnums.Name(DatePrecision.Day) };
        }

        var dimension = by switch
        {
            CountDimension.Kind => $"WITH s.{P.Kind} AS key, null AS label",
            CountDimension.Speaker =>
                $"MATCH (actor:{NodeLabels.Actor})-[:{RelationshipTypes.Made}]->(s){kindOfActor}\nWITH actor.{P.Id} AS key, null AS label",
            CountDimension.Topic =>
                $"MATCH (s)-[:{RelationshipTypes.About}]->(topic:{NodeLabels.Topic})\nWITH topic.{P.Id} AS key, topic.{P.Name} AS label",
            CountDimension.Month => $"WITH s WHERE s.{P.SaidOnPrecision} IN $monthly\nWITH substring(s.{P.SaidOn}, 0, 7) AS key, null AS label",
            _ => $"MATCH (s)-[:{CountDimensions.RoleType(by)}]->(actor:{NodeLabels.Actor}){kindOfActor}\nWITH actor.{P.Id} AS key, null AS label",
        };
        var statement = Statement(
            $"count-statements-by-{Kebab(by.ToString())}",
            $"""
            {match.Match}
            {dimension}
            WITH key, label, count(*) AS count
            ORDER BY count DESC, key
            LIMIT $limit
            RETURN key, label, count
            """,
            parameters);
        return new CompiledQuery(statement, parameters);
    }

    /// <summary>
    /// Statements matching a filter collapsed into weighted speaker-to-addressee edges per kind, heaviest first, each
    /// with its earliest and latest date (by the first day the date may mean, then as written).
    /// </summary>
    public static CompiledQuery ActorNetwork(StatementFilter filter, int limit)
    {
        var match = StatementMatch.Compile(filter);
        var parameters = new Dictionary<string, object?>(match.Parameters) { ["limit"] = (long)limit };

        // saidOnStart is ten characters, so the date as written starts at the twelfth.
        var dated = $"s.{P.SaidOnStart} + ' ' + s.{P.SaidOn}";
        var statement = Statement(
            "actor-network",
            $"""
            {match.Match}
            MATCH (speaker:{NodeLabels.Actor})-[:{RelationshipTypes.Made}]->(s)-[:{RelationshipTypes.AddressedTo}]->(addressee:{NodeLabels.Actor})
            WITH speaker.{P.Id} AS source, addressee.{P.Id} AS target, s.{P.Kind} AS kind, count(*) AS count,
                 min({dated}) AS first, max({dated}) AS last
            ORDER BY count DESC, source, target, kind
            LIMIT $limit
            RETURN source, target, kind, count, substring(first, 11) AS first, substring(last, 11) AS last
            """,
            parameters);
        return new CompiledQuery(statement, parameters);
    }

    private static string Walked(string conditions, StatementOrder order, string sortKeys, StatementParts parts)
    {
        var byDate = order is StatementOrder.SaidOnDescending or StatementOrder.SaidOnAscending;
        var (index, exists, walkKeys) = byDate
            ? ($"s:{NodeLabels.Statement}({P.SaidOnStart}, {P.SaidOnEnd})",
               $"s.{P.SaidOnStart} IS NOT NULL AND s.{P.SaidOnEnd} IS NOT NULL",
               $"s.{P.SaidOnStart}{(order == StatementOrder.SaidOnDescending ? " DESC" : "")}, s.{P.Id}")
            : ($"s:{NodeLabels.Statement}({P.RecordedAt})",
               $"s.{P.RecordedAt} IS NOT NULL",
               sortKeys);
        const string Walk = "total * total > $end * statements";

        // Undated statements come last in an order by date, and only a walk that found fewer dated ones than the page
        // holds needs them.
        var undated = byDate
            ? Guarded("total, statements, walked", $"{Walk} AND size(walked) < $end", "undated", $$"""
                MATCH (s:{{NodeLabels.Statement}})
                WHERE s.{{P.SaidOnStart}} IS NULL AND {{conditions}}
                WITH s
                ORDER BY s.{{P.Id}}
                LIMIT $end
                """) + "\n"
            : "";
        var walked = Guarded("total, statements", Walk, "walked", $$"""
            MATCH (s:{{NodeLabels.Statement}})
            USING INDEX {{index}}
            WHERE {{exists}} AND {{conditions}}
            WITH s
            ORDER BY {{walkKeys}}
            LIMIT $end
            """);
        var sorted = Guarded("total, statements", $"NOT ({Walk})", "sorted", $$"""
            MATCH (s:{{NodeLabels.Statement}})
            WHERE {{conditions}}
            WITH s
            ORDER BY {{sortKeys}}
            LIMIT $end
            """);
        return $$"""
            CALL () {
              MATCH (every:{{NodeLabels.Statement}})
              RETURN count(every) AS statements
            }
            CALL () {
              MATCH (s:{{NodeLabels.Statement}})
              WHERE {{Indent(conditions)}}
              RETURN count(s) AS total
            }
            {{walked}}
            {{undated}}{{sorted}}
            WITH total, (walked{{(byDate ? " + undated" : "")}} + sorted)[$skip..$end] AS page
            {{PageResult(parts)}}
            """;
    }

    /// <summary>
    /// A subquery that collects the statements <paramref name="body"/> finds when <paramref name="condition"/> holds,
    /// and an empty list without running it when not: the condition gates an UNWIND of one row or none, which the
    /// planner cannot fold into a filter placed after the body's index seek, as it does a plain <c>WHERE</c>.
    /// </summary>
    private static string Guarded(string imports, string condition, string name, string body) => $$"""
        CALL ({{imports}}) {
          UNWIND CASE WHEN {{condition}} THEN [true] ELSE [] END AS go
          CALL (go) {
            {{Indent(Indent(body.Trim()))}}
            RETURN collect(s) AS found
          }
          RETURN coalesce(head(collect(found)), []) AS {{name}}
        }
        """;

    // The page's statements as maps, turned so only once the page is known, and the actors they name when asked for.
    private static string PageResult(StatementParts parts) =>
        $"RETURN total, [s IN page | s {StatementMap(parts)}] AS page"
        + (parts.HasFlag(StatementParts.Actors) ? $",\n       {Indent(PageActors)} AS actors" : ", [] AS actors");

    private static string Indent(string text) => text.Replace("\n", "\n  ", StringComparison.Ordinal);
}
