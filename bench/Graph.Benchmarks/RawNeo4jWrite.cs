using System.Diagnostics;
using Graph.Embedded;
using Graph.EventStore.Sqlite;
using Graph.Neo4j.Cypher;
using Graph.Projection.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Graph.Benchmarks;

/// <summary>
/// The floor for writing a graph into Neo4j: the nodes and relationships the projection would write, already known
/// (built from the log in memory beforehand, off the clock), sent as batched <c>UNWIND ... CREATE</c>s of 10,000 rows a
/// transaction, nodes first, into an empty database with the projection's constraints and indexes in place.
/// </summary>
public static class RawNeo4jWrite
{
    private const int RowsPerTransaction = 10_000;

    public static async Task<(TimeSpan Elapsed, int Nodes, int Relationships)> RunAsync(Neo4jServer neo4j, string eventLog)
    {
        using var graph = await BuildAsync(eventLog);
        var nodes = graph.Read(g => NodeLabels.All.SelectMany(g.NodesWithLabel).Distinct().ToList());
        var relationships = nodes.SelectMany(n => n.Outgoing).ToList();
        foreach (var statement in CypherStatements.Schema)
        {
            await neo4j.RunAsync(statement.Text);
        }

        var clock = Stopwatch.StartNew();
        foreach (var group in nodes.GroupBy(n => string.Join(":", n.Labels)))
        {
            foreach (var chunk in group.Chunk(RowsPerTransaction))
            {
                await neo4j.RunAsync(
                    $"UNWIND $rows AS row CREATE (n:{group.Key}) SET n = row.properties, n.{PropertyKeys.Version} = row.version",
                    new { rows = chunk.Select(n => new { properties = n.Properties, version = n.Version }) });
            }
        }

        foreach (var group in relationships.GroupBy(r => r.Type))
        {
            var shape = CypherStatements.ShapeOf(group.Key);
            foreach (var chunk in group.Chunk(RowsPerTransaction))
            {
                await neo4j.RunAsync(
                    $$"""
                    UNWIND $rows AS row
                    MATCH (a:{{shape.FromLabel}} {{{PropertyKeys.Id}}: row.from})
                    MATCH (b:{{shape.ToLabel}} {{{PropertyKeys.Id}}: row.to})
                    CREATE (a)-[r:{{shape.Type}}]->(b)
                    SET r = row.properties
                    """,
                    new { rows = chunk.Select(r => new { from = r.From.Id, to = r.To.Id, properties = r.Properties }) });
            }
        }

        return (clock.Elapsed, nodes.Count, relationships.Count);
    }

    private static async Task<InMemoryGraph> BuildAsync(string eventLog)
    {
        await using var events = new SqliteEventStore(
            Options.Create(new SqliteEventStoreOptions { Path = eventLog, ReadOnly = true }), NullLogger<SqliteEventStore>.Instance);
        var graph = new InMemoryGraph();
        for (var from = 0L; from < events.HeadPosition;)
        {
            var batch = await events.ReadAllAsync(from, 10_000);
            graph.Apply(new GraphBatch(from, batch[^1].Position, [.. batch.SelectMany(GraphProjection.ToChanges)]));
            from = batch[^1].Position;
        }

        return graph;
    }
}
