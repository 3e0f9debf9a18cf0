using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Graph.Benchmarks;

/// <summary>
/// The cluster's end-to-end write rate: statements recorded through an API node by concurrent clients, with one silo and
/// with three (and one of the three killed halfway), beside the single process (<c>--role all</c>) on the same
/// PostgreSQL log in the same run.
/// </summary>
public static class ClusterBenchmark
{
    private const int Writers = 16;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Measured = TimeSpan.FromSeconds(20);

    public static async Task<string> RunAsync(string postgres, string redis)
    {
        var folder = Directory.CreateTempSubdirectory("graph-benchmarks-cluster-").FullName;
        var rows = new List<string>();
        try
        {
            rows.Add(Row("one process (`--role all`)", await MeasureAsync(folder, postgres, redis, silos: 0, killOne: false)));
            rows.Add(Row("1 silo + 1 API node", await MeasureAsync(folder, postgres, redis, silos: 1, killOne: false)));
            rows.Add(Row("3 silos + 1 API node", await MeasureAsync(folder, postgres, redis, silos: 3, killOne: false)));
            rows.Add(Row("3 silos + 1 API node, one silo killed at 10 s", await MeasureAsync(folder, postgres, redis, silos: 3, killOne: true)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"{Writers} clients recording statements through one API node for {Measured.TotalSeconds:0} s after {WarmUp.TotalSeconds:0} s of warm-up; PostgreSQL log, Redis membership");
        table.AppendLine();
        table.AppendLine("| Topology | Writes a second | p50 / p99 | Failed | First 10 s / last 10 s | Longest time without an acknowledged write |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|");
        rows.ForEach(r => table.AppendLine(r));
        return table.ToString();
    }

    private static string Row(string topology, Result r) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {topology} | {r.Acknowledged / Measured.TotalSeconds:N0} | {r.P50:0} / {r.P99:0} ms | {r.Failed} | {r.FirstHalf / (Measured.TotalSeconds / 2):N0} / {r.SecondHalf / (Measured.TotalSeconds / 2):N0} a second | {r.LongestGap.TotalSeconds:0.0} s |");

    private sealed record Result(int Acknowledged, int Failed, double P50, double P99, int FirstHalf, int SecondHalf, TimeSpan LongestGap);

    private static async Task<Result> MeasureAsync(string folder, string postgres, string redis, int silos, bool killOne)
    {
        var schema = $"bench_cluster_{silos}{(killOne ? "_kill" : "")}";
        await using (var connection = new NpgsqlConnection(postgres))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE;", connection);
            await drop.ExecuteNonQueryAsync();
        }

        string[] settings = ["--EventStore:Provider=Postgres", $"--EventStore:ConnectionString={postgres}", $"--EventStore:Schema={schema}"];
        string[] cluster = [.. settings, "--Orleans:Membership=Redis", $"--Orleans:RedisConnectionString={redis}", $"--Orleans:ClusterId={schema}"];
        var started = new List<ServiceUnderTest>();
        try
        {
            ServiceUnderTest api;
            if (silos == 0)
            {
                api = (await ServiceUnderTest.StartAsync(folder, settings)).Service;
                started.Add(api);
            }
            else
            {
                foreach (var silo in await Task.WhenAll(Enumerable.Range(0, silos).Select(_ => ServiceUnderTest.StartAsync(folder, [.. cluster, "--Graph:Role=silo"]))))
                {
                    started.Add(silo.Service);
                }

                api = (await ServiceUnderTest.StartAsync(folder, [.. cluster, "--Graph:Role=api"])).Service;
                started.Add(api);
            }

            using var client = new HttpClient { BaseAddress = api.Address, Timeout = TimeSpan.FromSeconds(30) };
            // Every statement names the same two actors, created once first, as an analyst's session would.
            await WriteAsync(client, "warm-0", createActors: true);
            await LoadAsync(client, "warm", WarmUp, null);
            var killAt = killOne ? Measured / 2 : (TimeSpan?)null;
            return await LoadAsync(client, "load", Measured, killAt is null ? null : (killAt.Value, started[0].KillAsync));
        }
        finally
        {
            foreach (var service in started)
            {
                await service.DisposeAsync();
            }
        }
    }

    private static async Task<Result> LoadAsync(HttpClient client, string tag, TimeSpan duration, (TimeSpan At, Func<Task> Kill)? kill)
    {
        var clock = Stopwatch.StartNew();
        var acknowledged = new List<(TimeSpan At, double Milliseconds)>();
        var failed = 0;
        var killing = kill is { } k ? Task.Delay(k.At).ContinueWith(_ => k.Kill(), TaskScheduler.Default).Unwrap() : Task.CompletedTask;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; clock.Elapsed < duration; i++)
            {
                var sent = clock.Elapsed;
                var ok = await WriteAsync(client, $"{tag}-{w}-{i}", createActors: false);
                lock (acknowledged)
                {
                    if (ok)
                    {
                        acknowledged.Add((clock.Elapsed, (clock.Elapsed - sent).TotalMilliseconds));
                    }
                    else
                    {
                        failed++;
                    }
                }

                if (!ok)
                {
                    await Task.Delay(50);
                }
            }
        })));
        await killing;

        var times = acknowledged.Select(a => a.At).Order().Prepend(TimeSpan.Zero).Append(duration).ToList();
        var latencies = acknowledged.Select(a => a.Milliseconds).Order().ToList();
        return new Result(
            acknowledged.Count,
            failed,
            latencies.Count > 0 ? latencies[latencies.Count / 2] : double.NaN,
            latencies.Count > 0 ? latencies[(int)(latencies.Count * 0.99)] : double.NaN,
            acknowledged.Count(a => a.At < duration / 2),
            acknowledged.Count(a => a.At >= duration / 2),
            times.Zip(times.Skip(1), (a, b) => b - a).Max());
    }

    private static async Task<bool> WriteAsync(HttpClient client, string id, bool createActors)
    {
        var query = $$"""
            mutation($id: ID!) { recordStatement(input: {
              id: $id, kind: CRITICISE, speaker: { name: "Bench Watchdog" }, addressees: [{ name: "Bench Corp" }],
              summary: "Recorded by the cluster benchmark.", saidOn: "2020-06-12", sources: [{ publisher: "Bench" }]{{(createActors ? ", createMissingActors: true" : "")}}
            }) { consistencyToken } }
            """;
        try
        {
            using var response = await client.PostAsJsonAsync("/graphql", new { query, variables = new { id } });
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.GetProperty("recordStatement").ValueKind == JsonValueKind.Object;
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
