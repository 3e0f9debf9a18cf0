using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
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
/// Three processes' projectors sharing one Neo4j, as API nodes reading one graph do: exactly one writes at a time;
/// the others follow its checkpoint, take over at once when it stops and gives the lease up, and after the lease
/// expires when it is cut off without a word; one cut off stops writing when its lease runs out by its own clock.
/// The graph ends with every node and relationship once. Runs against the Query API fake (the lease statement
/// modelled) and, with <c>NEO4J_URI</c>, against a live Neo4j, where the statements themselves run.
/// </summary>
public sealed class ProjectionLeaseTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(6);

    private readonly ScratchDirectory _data = new();
    private readonly ConcurrentQueue<(string Projector, DateTimeOffset At)> _applies = new();
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private SqliteEventStore _events = null!;

    public Task InitializeAsync()
    {
        _events = new SqliteEventStore(Options.Create(new SqliteEventStoreOptions { Path = _data.File("events.db") }), NullLogger<SqliteEventStore>.Instance);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _events.DisposeAsync();
        await _meters.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Against_the_fake_one_projector_writes_at_a_time_and_another_takes_over_when_it_stops_or_is_cut_off()
    {
        var model = new FakeGraphModel();
        await using var neo4j = await model.ServeAsync();

        var (first, second) = await RunAsync(() => new Neo4jGraphStore(Client(neo4j.Uri, neo4j.User, neo4j.Password, null)));

        // The lease went from the first holder to the second (given up) and to the third (expired), and to nobody else.
        Assert.Equal([first, second, model.LeaseHolders[^1]], model.LeaseHolders);
        var advances = model.Advances;
        Assert.All(advances.Zip(advances.Skip(1)), pair => Assert.Equal(pair.First.To, pair.Second.From));
        using var expected = await ExpectedGraph.FromAsync(_events);
        Assert.Equal(expected.Read(g => ExpectedGraph.Nodes(g).Count()), model.Nodes.Count);
        Assert.Equal(expected.Read(g => ExpectedGraph.Nodes(g).Sum(n => n.Outgoing.Count())), model.Relationships.Count);
    }

    [Fact]
    public async Task A_process_started_again_under_its_name_takes_its_lease_back_without_waiting_for_it_to_expire()
    {
        var model = new FakeGraphModel();
        await using var neo4j = await model.ServeAsync();
        var generated = GeneratedGraph.Create(seed: 12, organisations: 5, people: 5, statements: 30).Events;
        await AppendAsync(generated.Take(generated.Count / 2));
        var crashed = new CuttableStore(new Neo4jGraphStore(Client(neo4j.Uri, neo4j.User, neo4j.Password, null)), _applies);
        var before = NewProjector(crashed, "host-a http://10.0.0.5:8080");
        await before.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => before.HoldsLease && before.Checkpoint == _events.HeadPosition, "the first process to project");

        // It dies without giving the lease up; the same service starts again where it ran.
        crashed.CutOff = true;
        var diedAt = DateTimeOffset.UtcNow;
        var after = NewProjector(new Neo4jGraphStore(Client(neo4j.Uri, neo4j.User, neo4j.Password, null)), "host-a http://10.0.0.5:8080");
        await after.StartAsync(CancellationToken.None);
        try
        {
            await WaitUntilAsync(() => after.HoldsLease, "the process started again to take its lease back");
            var tookBack = DateTimeOffset.UtcNow - diedAt;
            await AppendAsync(generated.Skip(generated.Count / 2));
            await WaitUntilAsync(() => after.Checkpoint == _events.HeadPosition, "the process started again to project");

            Assert.True(tookBack < LeaseDuration / 3, $"Took the lease back after {tookBack}, as if waiting for it to expire.");
            Assert.Equal(["host-a http://10.0.0.5:8080"], model.LeaseHolders);
        }
        finally
        {
            await after.StopAsync(CancellationToken.None);
            await before.StopAsync(CancellationToken.None);
        }
    }

    [SkippableFact]
    public async Task Against_a_live_Neo4j_one_projector_writes_at_a_time_and_another_takes_over_when_it_stops_or_is_cut_off()
    {
        Skip.If(LiveNeo4j.Uri is null, "Needs a live Neo4j: set NEO4J_URI (with NEO4J_USERNAME and NEO4J_PASSWORD).");
        await using var database = await LiveNeo4j.UseDatabaseAsync();
        var client = Client(LiveNeo4j.Uri, LiveNeo4j.User, LiveNeo4j.Password, LiveNeo4j.Database);
        var store = new Neo4jGraphStore(client);
        await store.EnsureSchemaAsync();
        await store.ClearAsync();

        await RunAsync(() => new Neo4jGraphStore(Client(LiveNeo4j.Uri, LiveNeo4j.User, LiveNeo4j.Password, LiveNeo4j.Database)));

        using var expected = await ExpectedGraph.FromAsync(_events);
        var nodes = (await client.RunAsync("MATCH (n) WHERE NOT n:ProjectionCheckpoint AND NOT n:ProjectionLease RETURN count(n) AS n")).Records[0]["n"].GetInt64();
        var relationships = (await client.RunAsync("MATCH ()-[r]->() RETURN count(r) AS n")).Records[0]["n"].GetInt64();
        Assert.Equal(expected.Read(g => ExpectedGraph.Nodes(g).Count()), nodes);
        Assert.Equal(expected.Read(g => ExpectedGraph.Nodes(g).Sum(n => n.Outgoing.Count())), relationships);
        Assert.Equal(_events.HeadPosition, await store.GetCheckpointAsync());
    }

    /// <returns>The first two holders of the lease.</returns>
    private async Task<(string First, string Second)> RunAsync(Func<Neo4jGraphStore> newStore)
    {
        var generated = GeneratedGraph.Create(seed: 11, organisations: 30, people: 20, statements: 600).Events;
        var parts = generated.Chunk(generated.Count / 3 + 1).ToList();
        await AppendAsync(parts[0]);
        var stores = Enumerable.Range(0, 3).Select(_ => new CuttableStore(newStore(), _applies)).ToList();
        var projectors = stores.Select(NewProjector).ToList();
        for (var i = 0; i < 3; i++)
        {
            stores[i].Projector = projectors[i].Name;
        }

        var running = new List<Projector>(projectors);
        foreach (var projector in projectors)
        {
            await projector.StartAsync(CancellationToken.None);
        }

        try
        {
            // One takes the lease and projects; the other two follow its checkpoint up to the log's head.
            await WaitUntilAsync(() => projectors.All(p => p.Checkpoint == _events.HeadPosition), "all three to reach the head");
            var first = Assert.Single(projectors, p => p.HoldsLease);
            Assert.Equal([first.Name], _applies.Select(a => a.Projector).Distinct());
            Assert.All(projectors, p => Assert.Equal(first.Name, p.LeaseHolder));

            // It stops and gives the lease up: another takes over before the lease could have run out.
            var stoppedAt = DateTimeOffset.UtcNow;
            await first.StopAsync(CancellationToken.None);
            running.Remove(first);
            await AppendAsync(parts[1]);
            await WaitUntilAsync(() => running.Any(p => p.HoldsLease), "another to take the lease");
            var tookOver = DateTimeOffset.UtcNow - stoppedAt;
            output.WriteLine($"Taken over {tookOver.TotalMilliseconds:0} ms after the holder stopped.");
            Assert.True(tookOver < LeaseDuration - LeaseDuration / 3, $"Taken over after {tookOver}: the lease was not given up at stop.");
            var second = Assert.Single(running, p => p.HoldsLease);
            await WaitUntilAsync(() => running.All(p => p.Checkpoint == _events.HeadPosition), "the two left to reach the head");

            // It is cut off from Neo4j without a word: it stops writing when its lease runs out by its own clock, and the
            // last one takes over once the lease expired in the database.
            var cut = stores[projectors.IndexOf(second)];
            var cutAt = DateTimeOffset.UtcNow;
            cut.CutOff = true;
            await AppendAsync(parts[2]);
            var third = running.Single(p => p != second);
            await WaitUntilAsync(() => third.HoldsLease, "the last to take the lease");
            output.WriteLine($"Taken over {(DateTimeOffset.UtcNow - cutAt).TotalMilliseconds:0} ms after the holder was cut off.");
            await WaitUntilAsync(() => third.Checkpoint == _events.HeadPosition, "the last to reach the head");
            Assert.False(second.HoldsLease);
            Assert.DoesNotContain(cut.Attempts, at => at > cutAt + LeaseDuration);
            Assert.Equal(3, _applies.Select(a => a.Projector).Distinct().Count());
            return (first.Name, second.Name);
        }
        finally
        {
            foreach (var projector in running)
            {
                await projector.StopAsync(CancellationToken.None);
            }
        }
    }

    private Projector NewProjector(IGraphStore store) => NewProjector(store, holder: null);

    private Projector NewProjector(IGraphStore store, string? holder) => new(
        _events,
        store,
        Options.Create(new ProjectionOptions
        {
            BatchSize = 25, PollInterval = TimeSpan.FromMilliseconds(50), FollowInterval = TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromMilliseconds(200), LeaseDuration = LeaseDuration, LeaseHolder = holder,
        }),
        NullLogger<Projector>.Instance,
        _meters.GetRequiredService<IMeterFactory>(),
        TimeProvider.System);

    private static Neo4jClient Client(Uri uri, string? user, string? password, string? database) => new(
        new HttpClient(),
        Options.Create(new Neo4jOptions
        {
            Uri = uri, User = user, Password = password, Database = database ?? "neo4j",
            MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(5), MaxRetryDelay = TimeSpan.FromMilliseconds(20), RequestTimeout = TimeSpan.FromSeconds(10),
        }),
        NullLogger<Neo4jClient>.Instance,
        TimeProvider.System);

    private async Task AppendAsync(IEnumerable<Abstractions.Events.GraphEvent> events)
    {
        foreach (var graphEvent in events)
        {
            Assert.True((await _events.AppendAsync($"generated-{Guid.NewGuid():N}", 0, [graphEvent])).Succeeded);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(20);
        }
    }

    /// <summary>A projector's way to the shared store, which the test can cut as a network would: every call fails from then on.</summary>
    private sealed class CuttableStore(IGraphStore store, ConcurrentQueue<(string Projector, DateTimeOffset At)> applies) : IGraphStore
    {
        private readonly ConcurrentQueue<DateTimeOffset> _attempts = new();

        public string Projector { get; set; } = "";

        public volatile bool CutOff;

        /// <summary>When this projector tried to apply a batch, cut off or not.</summary>
        public IEnumerable<DateTimeOffset> Attempts => _attempts;

        public bool IsDurable => store.IsDurable;

        public Task<long> GetCheckpointAsync(CancellationToken cancellationToken = default) => Cut<long>() ?? store.GetCheckpointAsync(cancellationToken);

        public async Task<bool> ApplyAsync(GraphBatch batch, CancellationToken cancellationToken = default)
        {
            _attempts.Enqueue(DateTimeOffset.UtcNow);
            var applied = await (Cut<bool>() ?? store.ApplyAsync(batch, cancellationToken));
            if (applied)
            {
                applies.Enqueue((Projector, DateTimeOffset.UtcNow));
            }

            return applied;
        }

        public Task<ProjectionLease> TakeLeaseAsync(string holder, TimeSpan duration, CancellationToken cancellationToken = default) =>
            Cut<ProjectionLease>() ?? store.TakeLeaseAsync(holder, duration, cancellationToken);

        public Task ReleaseLeaseAsync(string holder, CancellationToken cancellationToken = default) =>
            (Task?)Cut<bool>() ?? store.ReleaseLeaseAsync(holder, cancellationToken);

        private Task<T>? Cut<T>() => CutOff ? Task.FromException<T>(new HttpRequestException("Cut off from Neo4j by the test.")) : null;
    }
}
