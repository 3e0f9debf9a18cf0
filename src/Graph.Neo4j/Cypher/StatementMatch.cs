using System.Globalization;
using Graph.Projection.Model;
using Graph.Projection.Reading;
using P = Graph.Projection.Model.PropertyKeys;

namespace Graph.Neo4j.Cypher;

/// <summary>
/// A statement filter compiled into Cypher that binds <c>s</c> to each matching statement once. Each alternative of the
/// filter starts from the most selective place it names (an actor in a role, then a topic), as the embedded graph
/// does, and tests the rest of its conditions on each statement in forms the planner turns into index seeks and
/// relationship counts. A filter that names no actor or topic is left to the planner, which picks the kind or date
/// index, or to an ordered walk of an index (<see cref="CypherStatements.FindStatements"/>).
/// </summary>
/// <remarks>Values travel only as parameters; the text depends only on the filter's shape.</remarks>
public sealed class StatementMatch
{
    private const string ActorRoles = "actor";

    private StatementMatch(string match, string? conditions, IReadOnlyDictionary<string, object?> parameters)
    {
        Match = match;
        Conditions = conditions;
        Parameters = parameters;
    }

    /// <summary>Cypher binding <c>s</c> to each matching statement once; clauses may follow it.</summary>
    public string Match { get; }

    /// <summary>
    /// For a filter of one alternative that names no actor or topic, its conditions on <c>s</c> (<c>true</c> when it
    /// has none), to put after any <c>MATCH (s:Statement)</c>; otherwise null.
    /// </summary>
    public string? Conditions { get; }

    /// <summary>Whether the filter names no actor or topic to start from, so an index of every statement is the start.</summary>
    public bool Unanchored => Conditions is not null;

    /// <summary>The values of the parameters <see cref="Match"/> and <see cref="Conditions"/> use.</summary>
    public IReadOnlyDictionary<string, object?> Parameters { get; }

    public static StatementMatch Compile(StatementFilter filter)
    {
        var clauses = filter.ToClauses();
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        var compiled = clauses.Select((clause, i) => Clause(clause, $"c{i}_", filter.IncludeRetracted, parameters)).ToList();
        if (compiled.Count == 0)
        {
            // Every alternative contradicts itself (an exemplar required and refused, say): nothing matches.
            return new StatementMatch($"MATCH (s:{NodeLabels.Statement})\nWHERE false", null, parameters);
        }

        if (compiled is [var only])
        {
            var conditions = only.Conditions.Count == 0 ? "true" : string.Join("\n  AND ", only.Conditions);
            return only.Anchor is null
                ? new StatementMatch($"MATCH (s:{NodeLabels.Statement})\nWHERE {conditions}", conditions, parameters)
                : new StatementMatch($"{only.Anchor}\nWHERE {conditions}", null, parameters);
        }

        var alternatives = compiled.Select(c =>
            $"{c.Anchor ?? $"MATCH (s:{NodeLabels.Statement})"}\n  WHERE {(c.Conditions.Count == 0 ? "true" : string.Join("\n    AND ", c.Conditions))}\n  RETURN s");
        return new StatementMatch($"CALL () {{\n  {string.Join("\n  UNION\n  ", alternatives)}\n}}", null, parameters);
    }

    private static (string? Anchor, List<string> Conditions) Clause(
        StatementClause clause, string prefix, bool includeRetracted, Dictionary<string, object?> parameters)
    {
        string Parameter(string name, object? value)
        {
            parameters[prefix + name] = value;
            return "$" + prefix + name;
        }

        string? anchor = null;
        var conditions = new List<string>();
        var roles = new (IReadOnlyList<string> Ids, string Type, string Name)[]
        {
            (clause.SpeakerIds, RelationshipTypes.Made, "speaker"),
            (clause.AddresseeIds, RelationshipTypes.AddressedTo, "addressee"),
            (clause.ExemplarIds, RelationshipTypes.CitesExemplar, "exemplar"),
            (clause.BeneficiaryIds, RelationshipTypes.Benefits, "beneficiary"),
            (clause.SubjectIds, RelationshipTypes.Concerns, "subject"),
            (clause.ActorIds, ActorRoles, "actor"),
        };
        foreach (var (ids, type, name) in roles)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                var id = Parameter($"{name}{i}", ids[i]);
                if (anchor is null)
                {
                    anchor = Anchor(type, id);
                }
                else
                {
                    conditions.Add(Involves(type, id));
                }
            }
        }

        for (var i = 0; i < clause.RespondsToIds.Count; i++)
        {
            var answered = Parameter($"respondsTo{i}", clause.RespondsToIds[i]);
            if (anchor is null)
            {
                anchor = $"MATCH (:{NodeLabels.Statement} {{{P.Id}: {answered}}})<-[:{RelationshipTypes.RespondsTo}]-(s:{NodeLabels.Statement})";
            }
            else
            {
                conditions.Add($"EXISTS {{ (s)-[:{RelationshipTypes.RespondsTo}]->(:{NodeLabels.Statement} {{{P.Id}: {answered}}}) }}");
            }
        }

        for (var i = 0; i < clause.TopicIdSets.Count; i++)
        {
            var topics = Parameter($"topics{i}", clause.TopicIdSets[i].ToArray());
            if (anchor is null)
            {
                anchor = $"""
                    MATCH (topic:{NodeLabels.Topic})<-[:{RelationshipTypes.About}]-(s:{NodeLabels.Statement})
                    WHERE topic.{P.Id} IN {topics}
                    WITH DISTINCT s
                    """;
            }
            else
            {
                conditions.Add($"EXISTS {{ (s)-[:{RelationshipTypes.About}]->(topic:{NodeLabels.Topic}) WHERE topic.{P.Id} IN {topics} }}");
            }
        }

        for (var i = 0; i < clause.KindSets.Count; i++)
        {
            conditions.Add($"s.{P.Kind} IN {Parameter($"kinds{i}", clause.KindSets[i].Select(GraphEnums.Name).ToArray())}");
        }

        if (clause.SaidTo is { } to)
        {
            conditions.Add($"s.{P.SaidOnStart} <= {Parameter("saidTo", IsoDate(to))}");
        }

        if (clause.SaidFrom is { } from)
        {
            conditions.Add($"s.{P.SaidOnEnd} >= {Parameter("saidFrom", IsoDate(from))}");
        }

        if (clause.HasExemplar is { } hasExemplar)
        {
            conditions.Add($"{(hasExemplar ? "" : "NOT ")}EXISTS {{ (s)-[:{RelationshipTypes.CitesExemplar}]->() }}");
        }

        if (clause.IsResponse is { } isResponse)
        {
            conditions.Add($"{(isResponse ? "" : "NOT ")}EXISTS {{ (s)-[:{RelationshipTypes.RespondsTo}]->() }}");
        }

        for (var i = 0; i < clause.Texts.Count; i++)
        {
            var text = Parameter($"text{i}", clause.Texts[i].ToLowerInvariant());
            conditions.Add($"(toLower(coalesce(s.{P.Quote}, '')) CONTAINS {text} OR toLower(coalesce(s.{P.Summary}, '')) CONTAINS {text})");
        }

        if (!includeRetracted)
        {
            conditions.Add($"NOT coalesce(s.{P.Retracted}, false)");
        }

        return (anchor, conditions);
    }

    private static string Anchor(string type, string id) => type switch
    {
        RelationshipTypes.Made => $"MATCH (:{NodeLabels.Actor} {{{P.Id}: {id}}})-[:{RelationshipTypes.Made}]->(s:{NodeLabels.Statement})",
        ActorRoles => $$"""
            MATCH (anchor:{{NodeLabels.Actor}} {{{P.Id}}: {{id}}})
            CALL (anchor) {
              MATCH (anchor)-[:{{RelationshipTypes.Made}}]->(s:{{NodeLabels.Statement}})
              RETURN s
              UNION
              MATCH (anchor)<-[:{{string.Join("|", RelationshipTypes.StatementRoles)}}]-(s:{{NodeLabels.Statement}})
              RETURN s
            }
            WITH s
            """,
        _ => $"MATCH (s:{NodeLabels.Statement})-[:{type}]->(:{NodeLabels.Actor} {{{P.Id}: {id}}})",
    };

    private static string Involves(string type, string id) => type switch
    {
        RelationshipTypes.Made => $"EXISTS {{ (:{NodeLabels.Actor} {{{P.Id}: {id}}})-[:{RelationshipTypes.Made}]->(s) }}",
        ActorRoles => $"(EXISTS {{ (:{NodeLabels.Actor} {{{P.Id}: {id}}})-[:{RelationshipTypes.Made}]->(s) }}"
            + $" OR EXISTS {{ (s)-[:{string.Join("|", RelationshipTypes.StatementRoles)}]->(:{NodeLabels.Actor} {{{P.Id}: {id}}}) }})",
        _ => $"EXISTS {{ (s)-[:{type}]->(:{NodeLabels.Actor} {{{P.Id}: {id}}}) }}",
    };

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
