using System.Text;
using Graph.Projection.Model;
using P = Graph.Projection.Model.PropertyKeys;

namespace Graph.Neo4j.Cypher;

/// <summary>The statements the projection writes the graph with.</summary>
public static partial class CypherStatements
{
    /// <summary>The name of the projection's checkpoint node.</summary>
    public const string CheckpointName = "graph-projection";

    /// <summary>The label of the node holding the projection's checkpoint.</summary>
    public const string CheckpointLabel = "ProjectionCheckpoint";

    /// <summary>The label of the node holding the projection's lease.</summary>
    public const string LeaseLabel = "ProjectionLease";

    private static CypherStatement? _applyBatch;

    /// <summary>Constraints and indexes, each idempotent, run at start.</summary>
    public static IReadOnlyList<CypherStatement> Schema { get; } =
    [
        .. NodeLabels.All.Append(CheckpointLabel).Append(LeaseLabel).Select(label => Statement(
            $"schema-unique-{Kebab(label)}-id",
            $"CREATE CONSTRAINT {Snake(label)}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.{P.Id} IS UNIQUE")),
        Statement(
            "schema-index-statement-kind",
            $"CREATE INDEX statement_kind IF NOT EXISTS FOR (s:{NodeLabels.Statement}) ON (s.{P.Kind})"),
        Statement(
            "schema-index-statement-said-on",
            $"CREATE INDEX statement_said_on IF NOT EXISTS FOR (s:{NodeLabels.Statement}) ON (s.{P.SaidOnStart}, s.{P.SaidOnEnd})"),
        Statement(
            "schema-index-statement-recorded-at",
            $"CREATE INDEX statement_recorded_at IF NOT EXISTS FOR (s:{NodeLabels.Statement}) ON (s.{P.RecordedAt})"),
        Statement(
            "schema-index-statement-retracted",
            $"CREATE INDEX statement_retracted IF NOT EXISTS FOR (s:{NodeLabels.Statement}) ON (s.{P.Retracted})"),
        Statement(
            "schema-index-actor-normalised-name",
            $"CREATE TEXT INDEX actor_normalised_name IF NOT EXISTS FOR (a:{NodeLabels.Actor}) ON (a.{P.NormalisedName})"),
        Statement(
            "schema-index-topic-name",
            $"CREATE INDEX topic_name IF NOT EXISTS FOR (t:{NodeLabels.Topic}) ON (t.{P.Name})"),
        Statement(
            "schema-fulltext",
            $"CREATE FULLTEXT INDEX graph_text IF NOT EXISTS FOR (n:{NodeLabels.Organisation}|{NodeLabels.Person}|{NodeLabels.Statement}) "
            + $"ON EACH [n.{P.Name}, n.{P.Aliases}, n.{P.Quote}, n.{P.Summary}]"),
    ];

    public static CypherStatement ReadCheckpoint { get; } = Statement(
        "read-checkpoint",
        $"MATCH (c:{CheckpointLabel} {{{P.Id}: $name}}) RETURN c.{P.Position} AS position",
        new() { ["name"] = CheckpointName });

    /// <summary>
    /// Takes the projection's lease for <c>$holder</c>, or renews it, when nobody holds it, <c>$holder</c> does, or it
    /// expired; answers who holds it afterwards and for how many more milliseconds. The lease is written before it is
    /// compared, as the checkpoint is, so two processes taking it at once are served one after the other. Expiry is
    /// judged by the database's clock alone, so the processes' clocks need not agree.
    /// </summary>
    public static CypherStatement TakeLease { get; } = Statement(
        "take-projection-lease",
        $$"""
        MERGE (lease:{{LeaseLabel}} {{{P.Id}}: $name})
        SET lease.{{P.Locked}} = true
        REMOVE lease.{{P.Locked}}
        WITH lease, datetime() AS now
        FOREACH (_ IN CASE WHEN lease.{{P.Holder}} IS NULL OR lease.{{P.Holder}} = $holder OR lease.{{P.Expires}} <= now THEN [1] ELSE [] END |
          SET lease.{{P.Holder}} = $holder, lease.{{P.Expires}} = now + duration({milliseconds: $milliseconds}))
        RETURN lease.{{P.Holder}} AS holder, lease.{{P.Expires}}.epochMillis - now.epochMillis AS remaining
        """,
        new() { ["name"] = CheckpointName, ["holder"] = "host-a:4242:5f1c", ["milliseconds"] = 10_000L });

    /// <summary>Gives the projection's lease up, when <c>$holder</c> still holds it, so another process takes it at once.</summary>
    public static CypherStatement ReleaseLease { get; } = Statement(
        "release-projection-lease",
        $$"""
        MATCH (lease:{{LeaseLabel}} {{{P.Id}}: $name})
        WHERE lease.{{P.Holder}} = $holder
        REMOVE lease.{{P.Holder}}, lease.{{P.Expires}}
        """,
        new() { ["name"] = CheckpointName, ["holder"] = "host-a:4242:5f1c" });

    /// <summary>
    /// Applies a whole batch of changes in one statement, so in one request and one transaction: first it moves the
    /// checkpoint from the batch's start to its end, and returns no row, writing nothing, when the checkpoint is no
    /// longer at the start (another projector applied the batch, or this one's answer was lost and it is retried). The
    /// checkpoint is written before it is compared, so the comparison waits for the write lock and reads what a
    /// transaction holding it committed: a retried request still running beside its first attempt applies nothing. Then
    /// the nodes, the relationships between nodes matched first, and the removals, each type from its own list of rows.
    /// </summary>
    /// <remarks>
    /// One text for every batch, whatever it holds (a type with no rows costs nothing), and the rows travel as lists in
    /// one map, <c>$batch</c>: Neo4j keys its plan cache on the types of the parameters, and an empty list is not of the
    /// type of a list of rows, so with a parameter per list each new mix of empty and full ones was planned afresh, at
    /// about a second a time. The lock taken on the checkpoint node serialises racing projectors. Relationships that
    /// are written once are created without a look-up, since a batch applies exactly once; the others are merged.
    /// </remarks>
    // Built on first use, from the label sets and relationship shapes another part of the class initialises.
    public static CypherStatement ApplyBatch => _applyBatch ??= Statement("apply-batch", ApplyBatchText(), ApplyBatchExample());

    /// <summary>The key of <c>$batch</c> holding the rows of nodes whose first label is <paramref name="label"/>.</summary>
    public static string NodeRows(string label) => $"nodes_{label}";

    /// <summary>The key of <c>$batch</c> holding the rows of relationships of <paramref name="type"/> to create or update.</summary>
    public static string UpsertRows(string type) => $"upsert_{type}";

    /// <summary>The key of <c>$batch</c> holding the rows of relationships of <paramref name="type"/> to remove.</summary>
    public static string RemovalRows(string type) => $"remove_{type}";

    /// <summary>
    /// Empties the database before a rebuild, relationships first and then nodes, ten thousand to a transaction: a
    /// <c>DETACH DELETE</c> of ten thousand nodes takes every relationship of the busiest actors with them, past the
    /// memory Neo4j allows a transaction.
    /// </summary>
    public static IReadOnlyList<CypherStatement> DeleteAll { get; } =
    [
        Statement("delete-all-relationships", "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS"),
        Statement("delete-all-nodes", "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS"),
    ];

    public static CypherStatement CountNodes { get; } = Statement("count-nodes", "MATCH (n) RETURN count(n) AS nodes");

    private static string ApplyBatchText()
    {
        var text = new StringBuilder($$"""
            MERGE (checkpoint:{{CheckpointLabel}} {{{P.Id}}: $name})
            ON CREATE SET checkpoint.{{P.Position}} = 0
            SET checkpoint.{{P.Locked}} = true
            REMOVE checkpoint.{{P.Locked}}
            WITH checkpoint
            WHERE checkpoint.{{P.Position}} = $from
            SET checkpoint.{{P.Position}} = $to
            WITH checkpoint

            """);
        foreach (var labels in NodeLabelSets)
        {
            text.Append($$"""
                CALL () {
                  UNWIND $batch.{{NodeRows(labels[0])}} AS row
                  MERGE (n:{{labels[0]}} {{{P.Id}}: row.id})
                  {{(labels.Count > 1 ? "SET n:" + string.Join(":", labels.Skip(1)) : "")}}
                  WITH n, row
                  WHERE coalesce(n.{{P.Version}}, -1) < row.version
                  SET n += row.properties, n.{{P.Version}} = row.version
                }

                """);
        }

        // Removals first: a relationship a correction removes and writes again (its statement still names the actor)
        // comes in a batch as both, and must end up written once.
        foreach (var shape in RelationshipShapes)
        {
            var key = shape.Keyed ? $" {{{P.Key}: row.key}}" : "";
            text.Append($$"""
                CALL () {
                  UNWIND $batch.{{RemovalRows(shape.Type)}} AS row
                  MATCH (a:{{shape.FromLabel}} {{{P.Id}}: row.from})-[r:{{shape.Type}}{{key}}]->(b:{{shape.ToLabel}} {{{P.Id}}: row.to})
                  DELETE r
                }

                """);
        }

        foreach (var shape in RelationshipShapes)
        {
            var key = shape.Keyed ? $" {{{P.Key}: row.key}}" : "";
            var write = shape.WrittenOnce
                ? $"CREATE (a)-[r:{shape.Type}]->(b)"
                : $"MERGE (a)-[r:{shape.Type}{key}]->(b)";
            text.Append($$"""
                CALL () {
                  UNWIND $batch.{{UpsertRows(shape.Type)}} AS row
                  MATCH (a:{{shape.FromLabel}} {{{P.Id}}: row.from})
                  MATCH (b:{{shape.ToLabel}} {{{P.Id}}: row.to})
                  {{write}}
                  SET r = row.properties{{(shape.Keyed ? $", r.{P.Key} = row.key" : "")}}
                }

                """);
        }

        text.Append($"RETURN checkpoint.{P.Position} AS position");
        return text.ToString();
    }

    private static Dictionary<string, object?> ApplyBatchExample()
    {
        var batch = new Dictionary<string, object?>();
        foreach (var labels in NodeLabelSets)
        {
            batch[NodeRows(labels[0])] = Array.Empty<object>();
        }

        foreach (var shape in RelationshipShapes)
        {
            batch[UpsertRows(shape.Type)] = Array.Empty<object>();
            batch[RemovalRows(shape.Type)] = Array.Empty<object>();
        }

        batch[NodeRows(NodeLabels.Organisation)] = new[]
        {
            new Dictionary<string, object?> { ["id"] = "aclu", ["version"] = 1L, ["properties"] = new Dictionary<string, object?> { [P.Id] = "aclu", [P.Name] = "ACLU" } },
        };
        batch[UpsertRows(RelationshipTypes.AddressedTo)] = new[]
        {
            new Dictionary<string, object?> { ["from"] = "s1", ["to"] = "microsoft", ["key"] = null, ["properties"] = new Dictionary<string, object?> { [P.Ordinal] = 0L } },
        };
        return new Dictionary<string, object?> { ["name"] = CheckpointName, ["from"] = 0L, ["to"] = 1000L, ["batch"] = batch };
    }
}
