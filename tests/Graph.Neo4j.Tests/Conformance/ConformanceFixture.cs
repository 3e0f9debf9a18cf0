using Graph.Embedded;
using Graph.EventStore;
using Graph.Neo4j.Client;
using Graph.Projection.Model;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Graph.Neo4j.Tests.Conformance;

/// <summary>
/// The same log, of the sample data and of a generated graph, projected into every store this machine can reach: the
/// embedded graph always, and Neo4j when <c>NEO4J_URI</c> is set (its HTTP address, e.g. http://localhost:7474, with
/// <c>NEO4J_USERNAME</c> and <c>NEO4J_PASSWORD</c>).
/// </summary>
/// <remarks>The Neo4j database named by <c>NEO4J_DATABASE</c> (default <c>neo4j</c>) is emptied first.</remarks>
public sealed class ConformanceFixture : IAsyncLifetime
{
    /// <summary>Batches of this many events, so the suite also crosses batch boundaries.</summary>
    private const int BatchSize = 97;

    private IAsyncDisposable? _database;

    internal GeneratedGraph Generated { get; } = GeneratedGraph.Create(seed: 20200610);

    public List<GraphTarget> Targets { get; } = [];

    public static IEnumerable<object[]> TargetNames()
    {
        yield return ["embedded"];
        if (LiveNeo4j.Uri is not null)
        {
            yield return ["neo4j"];
        }
    }

    public GraphTarget this[string name] => Targets.Single(t => t.Name == name);

    /// <summary>The named store's reader, after noting in the test's output which store the test runs against.</summary>
    public Projection.Reading.IGraphReader ReaderFor(string store, ITestOutputHelper output)
    {
        output.WriteLine($"Running against the {store} graph store.");
        return this[store].Reader;
    }

    public async Task InitializeAsync()
    {
        var sample = await SampleEvents.LoadAsync();
        var position = sample[^1].Position;
        var log = sample.Concat(Generated.Events.Select(e => new StoredEvent(++position, "generated", 1, e, DateTimeOffset.UnixEpoch))).ToList();

        var embedded = new InMemoryGraph();
        Targets.Add(new GraphTarget("embedded", new EmbeddedGraphStore(embedded), new EmbeddedGraphReader(embedded)));
        if (LiveNeo4j.Uri is { } uri)
        {
            _database = await LiveNeo4j.UseDatabaseAsync();
            var client = new Neo4jClient(
                new HttpClient(),
                Options.Create(new Neo4jOptions
                {
                    Uri = uri,
                    Database = LiveNeo4j.Database,
                    User = LiveNeo4j.User,
                    Password = LiveNeo4j.Password,
                }),
                NullLogger<Neo4jClient>.Instance,
                TimeProvider.System);
            var store = new Neo4jGraphStore(client);
            await store.EnsureSchemaAsync();
            await store.ClearAsync();
            Targets.Add(new GraphTarget("neo4j", store, new Neo4jGraphReader(client)));
        }

        foreach (var target in Targets)
        {
            var from = 0L;
            foreach (var batch in log.Chunk(BatchSize))
            {
                Assert.True(await target.Store.ApplyAsync(new GraphBatch(from, batch[^1].Position, [.. batch.SelectMany(GraphProjection.ToChanges)])));
                from = batch[^1].Position;
            }

            Assert.Equal(from, await target.Store.GetCheckpointAsync());
            Assert.False(await target.Store.ApplyAsync(new GraphBatch(0, log[0].Position, [.. GraphProjection.ToChanges(log[0])])), $"{target}: a batch already applied must be refused");
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var target in Targets)
        {
            await target.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ConformanceCollection : ICollectionFixture<ConformanceFixture>
{
    public const string Name = "conformance";
}
