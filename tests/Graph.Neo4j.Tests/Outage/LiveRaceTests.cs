using Graph.Abstractions.Organisations;
using Graph.EventStore;
using Graph.Neo4j.Client;
using Graph.Projection.Model;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Graph.Neo4j.Tests.Outage;

/// <summary>
/// The same batch sent twice at once, as a request retried after a time-out while its first attempt still runs: a
/// real Neo4j applies it exactly once. (The fake runs no Cypher, so this needs a live server.)
/// </summary>
public sealed class LiveRaceTests
{
    [SkippableFact]
    public async Task The_same_batch_sent_twice_at_once_is_applied_once()
    {
        Skip.If(LiveNeo4j.Uri is null, "Needs a live Neo4j: set NEO4J_URI (with NEO4J_USERNAME and NEO4J_PASSWORD).");
        await using var database = await LiveNeo4j.UseDatabaseAsync();
        var client = new Neo4jClient(
            new HttpClient(),
            Options.Create(new Neo4jOptions { Uri = LiveNeo4j.Uri, Database = LiveNeo4j.Database, User = LiveNeo4j.User, Password = LiveNeo4j.Password }),
            NullLogger<Neo4jClient>.Instance,
            TimeProvider.System);
        var store = new Neo4jGraphStore(client);
        await store.EnsureSchemaAsync();
        await store.ClearAsync();

        var doubled = 0;
        for (var round = 0; round < 20; round++)
        {
            // A batch heavy enough that two attempts overlap: organisations, each part of the one before it (relationships
            // written once, so a second application would show as a second relationship).
            var changes = Enumerable.Range(0, 200)
                .Select(i => new OrganisationRegistered($"race-{round}-{i}", $"Race {round} {i}", OrganisationKind.Ngo, [], i == 0 ? null : $"race-{round}-{i - 1}", []))
                .Select((e, i) => new StoredEvent(round * 200 + i + 1, $"organisation-{e.OrganisationId}", 1, e, DateTimeOffset.UnixEpoch))
                .SelectMany(GraphProjection.ToChanges)
                .ToList();
            var batch = new GraphBatch(round * 200, (round + 1) * 200, changes);

            var applied = await Task.WhenAll(store.ApplyAsync(batch), store.ApplyAsync(batch));

            doubled += applied.Count(a => a) > 1 ? 1 : 0;
        }

        var partOf = (await client.RunAsync("MATCH (:Organisation)-[r:PART_OF]->(:Organisation) RETURN count(r) AS n")).Records[0]["n"].GetInt64();
        Assert.Equal(0, doubled);
        Assert.Equal(20 * 199, partOf);
        Assert.Equal(20 * 200, await store.GetCheckpointAsync());
    }
}
