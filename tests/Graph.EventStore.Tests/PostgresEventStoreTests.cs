using Graph.Abstractions.Organisations;
using Graph.EventStore.Postgres;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Graph.EventStore.Tests;

/// <summary>
/// The PostgreSQL log against the contract every log meets, and against what only a log shared by several processes
/// must do: each test has a schema of its own in the database <c>GRAPH_TEST_POSTGRES</c> names.
/// </summary>
public sealed class PostgresEventStoreTests : EventStoreContract<PostgresEventStore>, IDisposable
{
    private readonly string _schema = "test_" + Guid.NewGuid().ToString("N");
    private readonly string? _connectionString = LivePostgres.ConnectionString;

    public void Dispose()
    {
        if (_connectionString is not null)
        {
            Execute($"DROP SCHEMA IF EXISTS {_schema} CASCADE;");
        }
    }

    /// <inheritdoc/>
    protected override PostgresEventStore Open(int maxAppendsPerCommit = 1_000) => new(
        Options.Create(new PostgresEventStoreOptions
        {
            ConnectionString = LivePostgres.Require(),
            Schema = _schema,
            MaxAppendsPerCommit = maxAppendsPerCommit,
            HeadPollInterval = TimeSpan.FromMilliseconds(200),
        }),
        NullLogger<PostgresEventStore>.Instance);

    /// <inheritdoc/>
    protected override void Refuse(bool refuse) => Execute(refuse
        ? $"""
            CREATE FUNCTION {_schema}.refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
            CREATE TRIGGER refuse_inserts BEFORE INSERT ON {_schema}.events FOR EACH ROW EXECUTE FUNCTION {_schema}.refuse();
            """
        : $"DROP TRIGGER refuse_inserts ON {_schema}.events; DROP FUNCTION {_schema}.refuse();");

    /// <inheritdoc/>
    protected override void Corrupt(long position, byte[] data) =>
        Execute($"UPDATE {_schema}.events SET data = $1 WHERE position = $2;", data, position);

    [SkippableFact]
    public async Task Two_processes_appending_at_once_give_one_log_without_gaps_and_a_reader_following_it_misses_nothing()
    {
        // Two stores on one schema are two silos' logs. Each appends to streams of its own and to streams both write,
        // while a reader follows the log as the projection does.
        await using var first = Open(maxAppendsPerCommit: 8);
        await using var second = Open(maxAppendsPerCommit: 8);
        using var done = new CancellationTokenSource();
        var seen = new List<StoredEvent>();
        var following = Task.Run(async () =>
        {
            var after = 0L;
            while (true)
            {
                var page = await second.ReadAllAsync(after, 50);
                seen.AddRange(page);
                after = page.Count > 0 ? page[^1].Position : after;
                if (page.Count == 0 && done.IsCancellationRequested)
                {
                    return;
                }
            }
        });

        async Task<int> WriteAsync(PostgresEventStore store, string name)
        {
            var won = 0;
            for (var i = 0; i < 150; i++)
            {
                // A shared stream: append at the version this writer last read, as a grain on each silo would.
                var shared = $"organisation-shared-{i % 5}";
                var version = (await store.ReadStreamAsync(shared)).Count;
                won += (await store.AppendAsync(shared, version, [new OrganisationRenamed($"shared-{i % 5}", $"{name} {i}", "")])).Succeeded ? 1 : 0;
                Assert.True((await store.AppendAsync($"organisation-{name}-{i}", 0, [Registered($"{name}-{i}")])).Succeeded);
            }

            return won;
        }

        var wins = await Task.WhenAll(Task.Run(() => WriteAsync(first, "first")), Task.Run(() => WriteAsync(second, "second")));
        await done.CancelAsync();
        await following;

        var log = await first.ReadAllAsync(0, 10_000);
        Assert.Equal(300 + wins.Sum(), log.Count);
        Assert.Equal(Enumerable.Range(1, log.Count).Select(p => (long)p), log.Select(e => e.Position));
        Assert.All(log.GroupBy(e => e.StreamId), stream => Assert.Equal(Enumerable.Range(1, stream.Count()), stream.Select(e => e.Version)));
        Assert.Equal(log.Select(e => e.Position), seen.Select(e => e.Position));
        Assert.True(wins.All(w => w > 0), $"Each writer should win some shared appends: {string.Join(", ", wins)}");
    }

    [SkippableFact]
    public async Task Of_two_processes_appending_to_one_stream_at_one_version_exactly_one_wins()
    {
        await using var first = Open();
        await using var second = Open();

        var results = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => (i % 2 == 0 ? first : second).AppendAsync("organisation-a", 0, [new OrganisationRenamed("a", "Name " + i, "")])));

        Assert.Single(results, r => r.Succeeded);
        Assert.Single(await second.ReadStreamAsync("organisation-a"));
    }

    [SkippableFact]
    public async Task A_process_frozen_while_it_holds_the_head_lock_stops_the_others_only_until_PostgreSQL_ends_its_session()
    {
        // The first process reaches PostgreSQL through a relay that freezes as soon as it has sent the statement that
        // locks the head: its transaction holds the lock, and its connection stays open and silent, as a silo stopped
        // with SIGSTOP or cut off the network. Without the idle-in-transaction timeout the second would wait forever.
        var server = new NpgsqlConnectionStringBuilder(LivePostgres.Require());
        var relay = new FreezingProxy(server.Host!, server.Port, "FOR UPDATE");
        await using var second = Open();
        Assert.True((await second.AppendAsync("organisation-before", 0, [Registered("before")])).Succeeded);
        var frozen = new PostgresEventStore(
            Options.Create(new PostgresEventStoreOptions
            {
                ConnectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Port = relay.Port, SslMode = SslMode.Disable, Host = "127.0.0.1" }.ConnectionString,
                Schema = _schema,
                IdleInTransactionTimeout = TimeSpan.FromSeconds(1),
            }),
            NullLogger<PostgresEventStore>.Instance);
        AppendResult after;
        Task<AppendResult> stuck;
        try
        {
            stuck = frozen.AppendAsync("organisation-frozen", 0, [Registered("frozen")]);
            await relay.Frozen.WaitAsync(TimeSpan.FromSeconds(30));

            after = await second.AppendAsync("organisation-after", 0, [Registered("after")]).WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            // The relay's sockets close, so the frozen process learns its connection is gone and can stop.
            await relay.DisposeAsync();
            await frozen.DisposeAsync();
        }

        Assert.True(after.Succeeded);
        Assert.False(stuck.IsCompletedSuccessfully && stuck.Result.Succeeded, "The frozen process's append was never acknowledged.");
        var log = await second.ReadAllAsync(0, 10);
        Assert.Equal(["organisation-before", "organisation-after"], log.Select(e => e.StreamId));
        Assert.Equal([1L, 2L], log.Select(e => e.Position));
    }

    [SkippableFact]
    public async Task A_process_waiting_for_events_wakes_when_another_commits_one()
    {
        await using var waiter = Open();
        await using var writer = Open();
        var waiting = waiter.WaitForEventsAfterAsync(0, CancellationToken.None);

        var appended = await writer.AppendAsync("organisation-a", 0, [Registered("a")]);

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(appended.Position, waiter.HeadPosition);
    }

    private void Execute(string sql, params object[] parameters)
    {
        using var connection = new NpgsqlConnection(LivePostgres.Require());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        command.ExecuteNonQuery();
    }
}
