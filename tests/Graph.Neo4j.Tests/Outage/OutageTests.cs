using System.Diagnostics.Metrics;
using Graph.EventStore.Sqlite;
using Graph.Neo4j.Client;
using Graph.Neo4j.Tests.Conformance;
using Graph.Neo4j.Tests.Fake;
using Graph.Projection;
using Graph.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Graph.Neo4j.Tests.Outage;

/// <summary>Neo4j failing or gone mid-stream: writes go on into the log, the projection waits, then catches up exactly once.</summary>
public sealed class OutageTests : IAsyncLifetime
{
    private readonly ScratchDirectory _data = new();
    private readonly FakeGraphModel _model = new();
    private QueryApiFake _neo4j = null!;
    private SqliteEventStore _events = null!;

    public async Task InitializeAsync()
    {
        _neo4j = await _model.ServeAsync();
        _events = new SqliteEventStore(Options.Create(new SqliteEventStoreOptions { Path = _data.File("events.db") }), NullLogger<SqliteEventStore>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _neo4j.DisposeAsync();
        await _events.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task A_projection_through_failures_and_an_outage_ends_with_every_element_once()
    {
        var generated = GeneratedGraph.Create(seed: 7, organisations: 20, people: 10, statements: 150).Events;
        var firstHalf = generated.Count / 2;
        await AppendAsync(generated.Take(firstHalf), 0);
        var commits = 0;
        var sawLag = false;
        _neo4j.OnCommit = transaction =>
        {
            _model.Commit(transaction);
            if (Interlocked.Increment(ref commits) == 3)
            {
                // More failures than the client retries, so the projector's own backoff has to carry it through.
                _neo4j.FailNextRequests(12);
            }
        };
        var client = new Neo4jClient(
            new HttpClient(),
            Options.Create(new Neo4jOptions
            {
                Uri = _neo4j.Uri, User = _neo4j.User, Password = _neo4j.Password,
                MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(5), MaxRetryDelay = TimeSpan.FromMilliseconds(20),
                RequestTimeout = TimeSpan.FromSeconds(5),
            }),
            NullLogger<Neo4jClient>.Instance,
            TimeProvider.System);
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var projector = new Projector(
            _events,
            new Neo4jGraphStore(client),
            Options.Create(new ProjectionOptions { BatchSize = 25, PollInterval = TimeSpan.FromMilliseconds(20), MaxRetryDelay = TimeSpan.FromMilliseconds(200) }),
            NullLogger<Projector>.Instance,
            meters.GetRequiredService<IMeterFactory>(),
            TimeProvider.System);

        await projector.StartAsync(CancellationToken.None);
        try
        {
            await WaitUntilAsync(() => Volatile.Read(ref commits) >= 6);

            // Neo4j goes away; the log keeps taking writes meanwhile.
            _neo4j.Unavailable = true;
            await AppendAsync(generated.Skip(firstHalf), firstHalf);
            await Task.Delay(300);
            sawLag = projector.Lag > 0;
            _neo4j.Unavailable = false;

            await WaitUntilAsync(() => projector.Checkpoint == _events.HeadPosition);
        }
        finally
        {
            await projector.StopAsync(CancellationToken.None);
        }

        Assert.True(sawLag, "While Neo4j was down the projection should have reported a lag.");
        Assert.Equal(0, projector.Lag);
        var advances = _model.Advances;
        Assert.Equal(0, advances[0].From);
        Assert.Equal(_events.HeadPosition, advances[^1].To);
        Assert.All(advances.Zip(advances.Skip(1)), pair => Assert.Equal(pair.First.To, pair.Second.From));

        using var expected = await ExpectedGraph.FromAsync(_events);
        var expectedNodes = expected.Read(g => ExpectedGraph.Nodes(g).ToDictionary(n => n.Id, n => string.Join(",", n.Properties.Keys.Order(StringComparer.Ordinal))));
        var expectedRelationships = expected.Read(g => ExpectedGraph.Nodes(g).SelectMany(n => n.Outgoing).Select(r => (r.Type, r.From.Id, r.To.Id, r.Key)).ToHashSet());
        var nodes = _model.Nodes;
        Assert.Equal(expectedNodes.Keys.Order(StringComparer.Ordinal), nodes.Keys.Order(StringComparer.Ordinal));
        Assert.All(nodes, node => Assert.Equal(expectedNodes[node.Key], string.Join(",", node.Value.Properties.Keys.Order(StringComparer.Ordinal))));
        Assert.Equal(expectedRelationships.Count, _model.Relationships.Count);
        Assert.True(expectedRelationships.SetEquals(_model.Relationships));
    }

    private async Task AppendAsync(IEnumerable<Abstractions.Events.GraphEvent> events, int offset)
    {
        foreach (var (graphEvent, index) in events.Select((e, i) => (e, i + offset)))
        {
            Assert.True((await _events.AppendAsync($"generated-{index}", 0, [graphEvent])).Succeeded);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the projection.");
            await Task.Delay(20);
        }
    }
}
