using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Graph.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace Graph.Api.Tests.Cluster;

/// <summary>
/// The service as a cluster, each part its own process as an operator starts it: three silos and two API nodes on
/// Redis membership and a PostgreSQL event log; one silo killed with <c>kill -9</c> under a write load.
/// </summary>
public sealed class ClusterTests(ITestOutputHelper output)
{
    private const string Record = """
        mutation($id: ID!, $summary: String!) {
          recordStatement(input: {
            id: $id, kind: CRITICISE, speaker: { name: "ACLU" }, addressees: [{ name: "Amazon" }],
            summary: $summary, saidOn: "2020-06-12", sources: [{ publisher: "Cluster test" }]
          }) { statement { id } }
        }
        """;

    [SkippableFact]
    public async Task A_silo_killed_under_a_write_load_loses_no_acknowledged_write_and_writes_resume()
    {
        var postgres = LivePostgres.Require();
        await using var redis = await RedisProcess.StartAsync();
        var schema = "cluster_" + Guid.NewGuid().ToString("N")[..12];
        string[] settings =
        [
            "--EventStore:Provider=Postgres", $"--EventStore:ConnectionString={postgres}", $"--EventStore:Schema={schema}",
            "--Orleans:Membership=Redis", $"--Orleans:RedisConnectionString={redis.ConnectionString}", $"--Orleans:ClusterId={schema}",
        ];
        using var data = new ScratchDirectory();
        var started = new List<ServiceProcess>();
        try
        {
            var silos = await StartAllAsync(started, 3, () => ServiceProcess.StartAsync(data.Path, [.. settings, "--Graph:Role=silo"]));
            var silo0 = silos[0];
            var apis = await StartAllAsync(started, 2, () => ServiceProcess.StartAsync(data.Path, [.. settings, "--Graph:Role=api", "--Graph:LoadSampleData=false"]));
            var (api0, api1) = (apis[0], apis[1]);

            // The two actors every statement names, created once, and known to both API nodes before the load starts.
            var created = (await api0.PostAsync(
                "mutation { recordStatement(input: { id: \"cluster-first\", kind: CRITICISE, speaker: { name: \"ACLU\" }, addressees: [{ name: \"Amazon\" }], summary: \"cluster load, the first\", sources: [{ publisher: \"Cluster test\" }], createMissingActors: true }) { consistencyToken } }"))
                .Data().At("recordStatement.consistencyToken").GetString();
            Assert.Equal(JsonValueKind.Object, (await api1.PostAsync("{ statement(id: \"cluster-first\") { id } }", consistencyToken: created)).Data().At("statement").ValueKind);

            var acknowledged = new ConcurrentDictionary<string, DateTime>();
            acknowledged["cluster-first"] = DateTime.UtcNow;

            // Four writers, two through each API node, until told to stop; each write has an id of its own.
            var failures = new ConcurrentQueue<(DateTime Sent, TimeSpan Took, string Why)>();
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var id = $"cluster-{w}-{i}";
                    var sent = DateTime.UtcNow;
                    try
                    {
                        var answer = await (w % 2 == 0 ? api0 : api1).PostAsync(Record, new { id, summary = $"cluster load {w} {i}" });
                        if (answer.TryGetProperty("data", out var result) && result.ValueKind == JsonValueKind.Object
                            && result.GetProperty("recordStatement").ValueKind == JsonValueKind.Object)
                        {
                            acknowledged[id] = sent;
                        }
                        else
                        {
                            failures.Enqueue((sent, DateTime.UtcNow - sent, answer.ToString()));
                            await Task.Delay(100);
                        }
                    }
                    catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException)
                    {
                        failures.Enqueue((sent, DateTime.UtcNow - sent, failure.Message));
                        await Task.Delay(100);
                    }
                }
            })).ToList();

            // The kill comes once the load is under way (on a busy machine a cold cluster takes a while), or after a minute.
            var warming = Stopwatch.StartNew();
            while (acknowledged.Count < 60 && warming.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(100);
            }

            var beforeKill = acknowledged.Keys.ToList();
            var killed = DateTime.UtcNow;
            await silo0.KillAsync();

            // Writes go on until they have succeeded for five seconds after the kill, or for at most a minute.
            var resumed = Stopwatch.StartNew();
            while (resumed.Elapsed < TimeSpan.FromSeconds(60)
                && !acknowledged.Values.Any(sent => sent > killed + TimeSpan.FromSeconds(1) && DateTime.UtcNow - sent > TimeSpan.FromSeconds(5)))
            {
                await Task.Delay(250);
            }

            await stop.CancelAsync();
            await Task.WhenAll(writers);
            // Writes through the surviving silos may never stop; those whose grains lived on the dead one fail until the
            // cluster declares it dead and they reactivate elsewhere. Recovered: the last failure, and a success after it.
            var failedAfterKill = failures.Where(f => f.Sent > killed).ToList();
            var lastFailure = failedAfterKill.Select(f => f.Sent).DefaultIfEmpty(killed).Max();
            var recovered = acknowledged.Values.Any(sent => sent > lastFailure);
            output.WriteLine($"{beforeKill.Count} writes acknowledged before the kill, {acknowledged.Count} in all; {failures.Count} failed, "
                + $"{failedAfterKill.Count} of them after the kill, the last sent {(lastFailure - killed).TotalSeconds:0.0} s after it, "
                + $"the slowest answered in {failedAfterKill.Select(f => f.Took.TotalSeconds).DefaultIfEmpty(0).Max():0.0} s");
            foreach (var (sent, _, why) in failures.Take(3))
            {
                output.WriteLine($"  failed at +{(sent - killed).TotalSeconds:0.0} s: {why[..Math.Min(200, why.Length)]}");
            }

            Assert.True(beforeKill.Count >= 20, $"Only {beforeKill.Count} writes before the kill; the load proves little.");
            // A write that met the dead silo says so in words a client can act on, not in Orleans' terms.
            Assert.All(failedAfterKill, f => Assert.Contains("CLUSTER_UNAVAILABLE", f.Why, StringComparison.Ordinal));
            Assert.True(recovered && lastFailure - killed < TimeSpan.FromSeconds(30), $"Writes still failed {(lastFailure - killed).TotalSeconds:0.0} s after the kill.");

            // Grains that lived on the dead silo come back on the others: statements written before the kill take corrections.
            foreach (var id in beforeKill.Order(StringComparer.Ordinal).Take(24))
            {
                var corrected = await api0.PostAsync(
                    "mutation($id: ID!) { updateStatement(input: { id: $id, summary: \"cluster load, corrected after the kill\", reason: \"cluster test\" }) { statement { summary } } }",
                    new { id });
                Assert.Equal("cluster load, corrected after the kill", corrected.Data().At("updateStatement.statement.summary").GetString());
            }

            // Read your writes across API nodes: a statement recorded through one is read at once through the other,
            // with the token the first gave.
            for (var i = 0; i < 5; i++)
            {
                var written = (await api0.PostAsync(
                    "mutation($id: ID!) { recordStatement(input: { id: $id, kind: DEMAND, speaker: { name: \"ACLU\" }, addressees: [{ name: \"Amazon\" }], summary: \"cluster load, read through the other node\", sources: [{ publisher: \"Cluster test\" }] }) { consistencyToken } }",
                    new { id = $"cluster-token-{i}" })).Data().At("recordStatement.consistencyToken").GetString()!;
                var read = await api1.PostAsync("query($id: ID!) { statement(id: $id) { summary } }", new { id = $"cluster-token-{i}" }, consistencyToken: written);
                Assert.Equal("cluster load, read through the other node", read.Data().At("statement.summary").GetString());
                acknowledged[$"cluster-token-{i}"] = DateTime.UtcNow;
            }

            // Every acknowledged write is in the log exactly once ...
            var recorded = await RecordedAsync(postgres, schema);
            Assert.All(acknowledged.Keys, id => Assert.Equal(1, recorded.GetValueOrDefault(id)));
            Assert.All(recorded, r => Assert.Equal(1, r.Value));

            // ... and in each API node's graph exactly once, as the log has it.
            foreach (var api in new[] { api0, api1 })
            {
                var ids = await CaughtUpAsync(api, recorded.Count);
                Assert.Equal(recorded.Keys.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
            }
        }
        finally
        {
            // Every process that started is stopped, even when another failed to start or the test failed.
            foreach (var process in started)
            {
                await process.DisposeAsync();
            }

            await using var connection = new NpgsqlConnection(postgres);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE;", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Starts processes side by side; each one that started is added to <paramref name="started"/>, whether or not the others did.</summary>
    private static async Task<ServiceProcess[]> StartAllAsync(List<ServiceProcess> started, int count, Func<Task<ServiceProcess>> start)
    {
        var starting = Enumerable.Range(0, count).Select(_ => start()).ToList();
        try
        {
            await Task.WhenAll(starting);
        }
        finally
        {
            started.AddRange(starting.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
        }

        return [.. starting.Select(t => t.Result)];
    }

    /// <summary>How many statement-recorded events the log holds for each statement of the load.</summary>
    private static async Task<Dictionary<string, int>> RecordedAsync(string postgres, string schema)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT substr(stream_id, 11), count(*) FROM {schema}.events WHERE type = 'statement-recorded' AND stream_id LIKE 'statement-cluster-%' GROUP BY stream_id;",
            connection);
        await using var rows = await command.ExecuteReaderAsync();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await rows.ReadAsync())
        {
            counts[rows.GetString(0)] = (int)rows.GetInt64(1);
        }

        return counts;
    }

    /// <summary>The load's statements an API node's graph holds, once it holds as many as the log (or after 30 s).</summary>
    private static async Task<List<string>> CaughtUpAsync(ServiceProcess api, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var ids = new List<string>();
            string? after = null;
            do
            {
                var page = (await api.PostAsync(
                    "query($after: String) { statements(filter: { text: \"cluster load\" }, first: 500, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }",
                    new { after })).Data().At("statements");
                ids.AddRange(page.At("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!));
                after = page.At("pageInfo.hasNextPage").GetBoolean() ? page.At("pageInfo.endCursor").GetString() : null;
            }
            while (after is not null);

            if (ids.Count >= expected || DateTime.UtcNow > deadline)
            {
                return ids;
            }

            await Task.Delay(500);
        }
    }
}
