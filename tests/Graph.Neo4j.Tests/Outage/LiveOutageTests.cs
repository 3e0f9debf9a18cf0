using System.Diagnostics;
using System.Diagnostics.Metrics;
using Graph.Embedded;
using Graph.EventStore.Sqlite;
using Graph.Neo4j.Client;
using Graph.Neo4j.Tests.Conformance;
using Graph.Projection;
using Graph.Projection.Model;
using Graph.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Graph.Neo4j.Tests.Outage;

/// <summary>
/// A real Neo4j killed with <c>kill -9</c> in the middle of a projection and started again: when the projection has
/// caught up, every node and relationship is there exactly once, as in the embedded graph built from the same log.
/// </summary>
/// <remarks>
/// Runs when <c>NEO4J_URI</c> names a live server and <c>NEO4J_KILL_COMMAND</c> and <c>NEO4J_START_COMMAND</c> say how to
/// kill it (e.g. <c>pkill -9 -f org.neo4j.server.CommunityEntryPoint</c>) and start it again in the background; both run
/// with <c>sh -c</c>. The database named by <c>NEO4J_DATABASE</c> is emptied first.
/// </remarks>
public sealed class LiveOutageTests(ITestOutputHelper output)
{
    private static readonly string? KillCommand = Environment.GetEnvironmentVariable("NEO4J_KILL_COMMAND");
    private static readonly string? StartCommand = Environment.GetEnvironmentVariable("NEO4J_START_COMMAND");

    [SkippableFact]
    public async Task A_projection_through_a_killed_Neo4j_ends_with_every_node_and_relationship_exactly_once()
    {
        Skip.If(
            LiveNeo4j.Uri is null || string.IsNullOrWhiteSpace(KillCommand) || string.IsNullOrWhiteSpace(StartCommand),
            "Needs a live Neo4j: set NEO4J_URI (with NEO4J_USERNAME and NEO4J_PASSWORD), NEO4J_KILL_COMMAND and NEO4J_START_COMMAND.");
        await using var database = await LiveNeo4j.UseDatabaseAsync();
        using var data = new ScratchDirectory();
        await using var events = new SqliteEventStore(
            Options.Create(new SqliteEventStoreOptions { Path = data.File("events.db") }), NullLogger<SqliteEventStore>.Instance);
        var generated = GeneratedGraph.Create(seed: 9, organisations: 60, people: 40, statements: 3_000).Events;
        for (var i = 0; i < generated.Count; i++)
        {
            Assert.True((await events.AppendAsync($"generated-{i}", 0, [generated[i]])).Succeeded);
        }

        var client = new Neo4jClient(
            new HttpClient { Timeout = Timeout.InfiniteTimeSpan },
            Options.Create(new Neo4jOptions
            {
                Uri = LiveNeo4j.Uri, Database = LiveNeo4j.Database, User = LiveNeo4j.User, Password = LiveNeo4j.Password,
                MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(100), RequestTimeout = TimeSpan.FromSeconds(20),
            }),
            NullLogger<Neo4jClient>.Instance,
            TimeProvider.System);
        var store = new Neo4jGraphStore(client);
        await store.EnsureSchemaAsync();
        await store.ClearAsync();
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var projector = new Projector(
            events,
            store,
            Options.Create(new ProjectionOptions { BatchSize = 20, PollInterval = TimeSpan.FromMilliseconds(50), MaxRetryDelay = TimeSpan.FromSeconds(1) }),
            NullLogger<Projector>.Instance,
            meters.GetRequiredService<IMeterFactory>(),
            TimeProvider.System);

        await projector.StartAsync(CancellationToken.None);
        try
        {
            await WaitUntilAsync(() => projector.Checkpoint > events.HeadPosition / 4, TimeSpan.FromMinutes(2));
            var killedAt = projector.Checkpoint;
            await RunAsync(KillCommand!);
            await Task.Delay(TimeSpan.FromSeconds(2));
            var stalledAt = projector.Checkpoint;
            await RunAsync(StartCommand!);
            output.WriteLine($"Killed Neo4j at log position {killedAt} of {events.HeadPosition}; the projection stood at {stalledAt} while it was down.");
            Assert.True(stalledAt < events.HeadPosition, "The projection finished before Neo4j was killed; the test would prove nothing.");

            await WaitUntilAsync(() => projector.Checkpoint == events.HeadPosition, TimeSpan.FromMinutes(3));
        }
        finally
        {
            await projector.StopAsync(CancellationToken.None);
        }

        using var expected = new InMemoryGraph();
        var log = await events.ReadAllAsync(0, int.MaxValue);
        Assert.True(expected.Apply(new GraphBatch(0, log[^1].Position, [.. log.SelectMany(GraphProjection.ToChanges)])));
        var expectedNodes = expected.Read(g => NodeLabels.All.SelectMany(g.NodesWithLabel).Distinct()
            .Select(n => $"{n.Id} {string.Join(":", n.Labels)}").Order(StringComparer.Ordinal).ToList());
        var expectedRelationships = expected.Read(g => NodeLabels.All.SelectMany(g.NodesWithLabel).Distinct()
            .SelectMany(n => n.Outgoing).Select(r => $"{r.Type} {r.From.Id} {r.To.Id} {r.Key}").Order(StringComparer.Ordinal).ToList());

        var nodes = (await client.RunAsync(
                "MATCH (n) WHERE NOT n:ProjectionCheckpoint AND NOT n:ProjectionLease RETURN n.id + ' ' + reduce(l = '', x IN labels(n) | l + CASE l WHEN '' THEN '' ELSE ':' END + x) AS node"))
            .Records.Select(r => r["node"].GetString()!).ToList();
        var relationships = (await client.RunAsync("MATCH (a)-[r]->(b) RETURN type(r) + ' ' + a.id + ' ' + b.id + ' ' + coalesce(r.key, '') AS relationship"))
            .Records.Select(r => r["relationship"].GetString()!).Order(StringComparer.Ordinal).ToList();

        // Neo4j lists a node's labels in no set order; the embedded graph writes them as the model gives them.
        Assert.Equal(expectedNodes.Select(Canonical).Order(StringComparer.Ordinal), nodes.Select(Canonical).Order(StringComparer.Ordinal));
        Assert.Equal(expectedRelationships.Count, relationships.Count);
        Assert.Equal(expectedRelationships, relationships);
        Assert.Equal(events.HeadPosition, await store.GetCheckpointAsync());
    }

    private static string Canonical(string node)
    {
        var (id, labels) = (node[..node.LastIndexOf(' ')], node[(node.LastIndexOf(' ') + 1)..]);
        return $"{id} {string.Join(":", labels.Split(':').Order(StringComparer.Ordinal))}";
    }

    private static async Task RunAsync(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("sh") { ArgumentList = { "-c", command }, UseShellExecute = false })!;
        await process.WaitForExitAsync();
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out after {timeout} waiting for the projection.");
            await Task.Delay(50);
        }
    }
}
