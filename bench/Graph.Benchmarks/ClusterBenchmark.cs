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
/// PostgreSQL log in the same run; then one silo of three frozen (<c>SIGSTOP</c>: it neither answers nor closes its
/// connections, as a machine that dropped off the network), with Orleans' default membership settings and with the
/// service's tuned ones.
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
        var frozen = new List<string>();
        try
        {
            rows.Add(Row("one process (`--role all`)", await MeasureAsync(folder, postgres, redis, silos: 0, Failure.None)));
            rows.Add(Row("one process, every request traced (an OTLP endpoint set)", await MeasureAsync(folder, postgres, redis, silos: 0, Failure.None, traced: true)));
            rows.Add(Row("1 silo + 1 API node", await MeasureAsync(folder, postgres, redis, silos: 1, Failure.None)));
            rows.Add(Row("3 silos + 1 API node", await MeasureAsync(folder, postgres, redis, silos: 3, Failure.None)));
            rows.Add(Row("3 silos + 1 API node, one silo killed at 10 s", await MeasureAsync(folder, postgres, redis, silos: 3, Failure.Kill)));
            rows.Add(Row("3 silos + 1 API node, one silo stopped (`SIGTERM`) at 10 s", await MeasureAsync(folder, postgres, redis, silos: 3, Failure.Stop)));
            frozen.Add(FrozenRow("Orleans' defaults", await MeasureAsync(folder, postgres, redis, silos: 3, Failure.Freeze, membership: OrleansDefaults)));
            frozen.Add(FrozenRow("the service's defaults", await MeasureAsync(folder, postgres, redis, silos: 3, Failure.Freeze)));
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
        table.AppendLine();
        table.AppendLine(CultureInfo.InvariantCulture, $"The same load for {FrozenMeasured.TotalSeconds:0} s through 3 silos + 1 API node, one silo frozen (SIGSTOP) at 10 s and never resumed");
        table.AppendLine();
        table.AppendLine("| Membership settings | Writes a second | Failed | Longest time without an acknowledged write | Last failure sent after the freeze |");
        table.AppendLine("|---|---:|---:|---:|---:|");
        frozen.ForEach(r => table.AppendLine(r));
        return table.ToString();
    }

    /// <summary>Orleans' own membership and gateway timings, which the service's defaults shorten.</summary>
    private static readonly string[] OrleansDefaults =
    [
        "--Orleans:ClusterMembership:ProbeTimeout=00:00:05", "--Orleans:ClusterMembership:MaxProbeTimeout=00:00:20",
        "--Orleans:ClusterMembership:TableRefreshTimeout=00:01:00", "--Orleans:Gateway:GatewayListRefreshPeriod=00:01:00",
    ];

    private static readonly TimeSpan FrozenMeasured = TimeSpan.FromSeconds(60);

    private enum Failure
    {
        None,
        Kill,
        Stop,
        Freeze,
    }

    private static string FrozenRow(string settings, Result r) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {settings} | {r.Acknowledged / FrozenMeasured.TotalSeconds:N0} | {r.Failed} | {r.LongestGap.TotalSeconds:0.0} s | {(r.LastFailureSent is { } last ? $"{(last - TimeSpan.FromSeconds(10)).TotalSeconds:0.0} s" : "none")} |");

    private static string Row(string topology, Result r) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {topology} | {r.Acknowledged / Measured.TotalSeconds:N0} | {r.P50:0} / {r.P99:0} ms | {r.Failed} | {r.FirstHalf / (Measured.TotalSeconds / 2):N0} / {r.SecondHalf / (Measured.TotalSeconds / 2):N0} a second | {r.LongestGap.TotalSeconds:0.0} s |");

    private sealed record Result(int Acknowledged, int Failed, double P50, double P99, int FirstHalf, int SecondHalf, TimeSpan LongestGap, TimeSpan? LastFailureSent);

    private static async Task<Result> MeasureAsync(
        string folder, string postgres, string redis, int silos, Failure failure, string[]? membership = null, bool traced = false)
    {
        var schema = $"bench_cluster_{silos}_{failure.ToString().ToLowerInvariant()}{(membership is null ? "" : "_orleans")}{(traced ? "_traced" : "")}";
        await using (var connection = new NpgsqlConnection(postgres))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE;", connection);
            await drop.ExecuteNonQueryAsync();
        }

        string[] settings = ["--EventStore:Provider=Postgres", $"--EventStore:ConnectionString={postgres}", $"--EventStore:Schema={schema}"];
        string[] cluster = [.. settings, "--Orleans:Membership=Redis", $"--Orleans:RedisConnectionString={redis}", $"--Orleans:ClusterId={schema}", .. membership ?? []];
        var started = new List<ServiceUnderTest>();
        try
        {
            ServiceUnderTest api;
            if (silos == 0)
            {
                // Spans are recorded only when there is somewhere to send them; nothing listens at this endpoint, so the
                // exporter's batches fail and are dropped, and what is measured is recording the spans.
                api = (await ServiceUnderTest.StartAsync(folder, traced ? [.. settings, "--Telemetry:OtlpEndpoint=http://127.0.0.1:9"] : settings)).Service;
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
            return failure switch
            {
                Failure.Kill => await LoadAsync(client, "load", Measured, (Measured / 2, started[0].KillAsync)),
                Failure.Stop => await LoadAsync(client, "load", Measured, (Measured / 2, started[0].TerminateAsync)),
                Failure.Freeze => await LoadAsync(client, "load", FrozenMeasured, (TimeSpan.FromSeconds(10), started[0].FreezeAsync)),
                _ => await LoadAsync(client, "load", Measured, null),
            };
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
        var lastFailureSent = (TimeSpan?)null;
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
                        lastFailureSent = lastFailureSent > sent ? lastFailureSent : sent;
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
            times.Zip(times.Skip(1), (a, b) => b - a).Max(),
            lastFailureSent);
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
