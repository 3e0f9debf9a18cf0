using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Graph.Benchmarks;

/// <summary>The measurements, each beside the baseline it is judged against.</summary>
public static class Measurements
{
    public const string Headline = """
        query WhoUrgedWhomToFollowWhom {
          statements(filter: { kinds: [APPEAL], hasExemplar: true }) {
            totalCount
            nodes { kind speaker { name } addressees { name } exemplars { name } saidOn sources { publisher url } }
          }
        }
        """;

    public static string ThreeHopPath(string from, string to) =>
        $$"""{ paths(from: { id: "{{from}}" }, to: { id: "{{to}}" }, maxHops: 3) { length nodes { __typename } } }""";

    /// <summary>
    /// Posts the records to the running service and waits until the graph shows every statement: as the service counts
    /// them, or as <paramref name="visible"/> does (Neo4j itself, say).
    /// </summary>
    public static async Task<TimeSpan> ImportAsync(Uri service, string file, int statements, Func<Task<long>>? visible = null) =>
        (await ImportStagesAsync(service, file, statements, visible)).Visible;

    /// <summary>The import as <see cref="ImportAsync"/> measures it, and when the service acknowledged the last record.</summary>
    public static async Task<(TimeSpan Acknowledged, TimeSpan Visible)> ImportStagesAsync(
        Uri service, string file, int statements, Func<Task<long>>? visible = null)
    {
        using var client = new HttpClient { BaseAddress = service, Timeout = Timeout.InfiniteTimeSpan };
        var clock = Stopwatch.StartNew();
        await using (var body = File.OpenRead(file))
        {
            using var content = new StreamContent(body);
            content.Headers.ContentType = new("application/x-ndjson");
            using var response = await client.PostAsync("import", content);
            var report = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (report.GetProperty("badRecords").GetInt32() > 0)
            {
                throw new InvalidOperationException("The import reported bad records: " + report);
            }
        }

        var acknowledged = clock.Elapsed;
        while ((visible is null ? await CountAsync(client) : await visible()) < statements)
        {
            await Task.Delay(20);
        }

        return (acknowledged, clock.Elapsed);
    }

    /// <summary>
    /// The storage's own limit: the same events copied into a fresh SQLite file of the same shape, a thousand to a
    /// transaction, flushed as the service flushes.
    /// </summary>
    public static TimeSpan RawSqliteInsert(string eventLog, string copy)
    {
        var rows = new List<(string Stream, long Version, string Type, byte[] Data, long At)>();
        using (var source = new SqliteConnection($"Data Source={eventLog};Mode=ReadOnly"))
        {
            source.Open();
            using var read = source.CreateCommand();
            read.CommandText = "SELECT stream_id, version, type, data, recorded_at FROM events ORDER BY position";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(2), (byte[])reader.GetValue(3), reader.GetInt64(4)));
            }
        }

        File.Delete(copy);
        using var target = new SqliteConnection($"Data Source={copy}");
        target.Open();
        using (var setup = target.CreateCommand())
        {
            setup.CommandText = """
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = FULL;
                CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, stream_id TEXT NOT NULL, version INTEGER NOT NULL,
                    type TEXT NOT NULL, data BLOB NOT NULL, recorded_at INTEGER NOT NULL, UNIQUE (stream_id, version));
                """;
            setup.ExecuteNonQuery();
        }

        var clock = Stopwatch.StartNew();
        foreach (var chunk in rows.Chunk(1_000))
        {
            using var transaction = target.BeginTransaction();
            using var insert = target.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO events (stream_id, version, type, data, recorded_at) VALUES ($s, $v, $t, $d, $a)";
            var s = insert.Parameters.Add("$s", SqliteType.Text);
            var v = insert.Parameters.Add("$v", SqliteType.Integer);
            var t = insert.Parameters.Add("$t", SqliteType.Text);
            var d = insert.Parameters.Add("$d", SqliteType.Blob);
            var a = insert.Parameters.Add("$a", SqliteType.Integer);
            foreach (var row in chunk)
            {
                (s.Value, v.Value, t.Value, d.Value, a.Value) = (row.Stream, row.Version, row.Type, row.Data, row.At);
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        return clock.Elapsed;
    }

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);

    /// <summary>
    /// One request after another; the 50th and 99th percentile latency in the steady state, after a warm-up long enough
    /// for tiered compilation to finish optimising the request's code (on two cores a hundred requests are not).
    /// </summary>
    public static async Task<(double P50, double P99)> LatencyAsync(Func<HttpClient, Task> request, Uri service, int count = 1_000, TimeSpan? warmUp = null)
    {
        using var client = new HttpClient { BaseAddress = service };
        var warming = Stopwatch.StartNew();
        for (var i = 0; i < 100 || warming.Elapsed < (warmUp ?? WarmUp); i++)
        {
            await request(client);
        }

        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            await request(client);
            times[i] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return (times[count / 2], times[(int)(count * 0.99)]);
    }

    /// <summary>
    /// The latencies of two requests measured turn about, one of each at a time, so both meet the same machine: the
    /// same background work, the same state of Neo4j's caches and of the JIT.
    /// </summary>
    public static async Task<((double P50, double P99) First, (double P50, double P99) Second)> LatencyTurnAboutAsync(
        Func<HttpClient, Task> first, Uri firstService, Func<HttpClient, Task> second, Uri secondService, int count, TimeSpan warmUp)
    {
        using var firstClient = new HttpClient { BaseAddress = firstService };
        using var secondClient = new HttpClient { BaseAddress = secondService };
        var warming = Stopwatch.StartNew();
        while (warming.Elapsed < warmUp)
        {
            await first(firstClient);
            await second(secondClient);
        }

        var firstTimes = new double[count];
        var secondTimes = new double[count];
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            await first(firstClient);
            firstTimes[i] = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            await second(secondClient);
            secondTimes[i] = clock.Elapsed.TotalMilliseconds;
        }

        return (Percentiles(firstTimes), Percentiles(secondTimes));

        static (double P50, double P99) Percentiles(double[] times)
        {
            Array.Sort(times);
            return (times[times.Length / 2], times[(int)(times.Length * 0.99)]);
        }
    }

    /// <summary>Requests per second with eight clients, for each of two requests, in alternating slices of time.</summary>
    public static async Task<(double First, double Second)> ThroughputTurnAboutAsync(
        Func<HttpClient, Task> first, Uri firstService, Func<HttpClient, Task> second, Uri secondService, int slices = 4)
    {
        double firstTotal = 0, secondTotal = 0;
        for (var slice = 0; slice < slices; slice++)
        {
            firstTotal += await ThroughputAsync(first, firstService, seconds: 5);
            secondTotal += await ThroughputAsync(second, secondService, seconds: 5);
        }

        return (firstTotal / slices, secondTotal / slices);
    }

    /// <summary>Requests per second with eight clients sending as fast as answers come.</summary>
    public static async Task<double> ThroughputAsync(Func<HttpClient, Task> request, Uri service, int clients = 8, double seconds = 10)
    {
        using var client = new HttpClient { BaseAddress = service };
        var deadline = Stopwatch.StartNew();
        var done = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (deadline.Elapsed.TotalSeconds < seconds)
            {
                await request(client);
                Interlocked.Increment(ref done);
            }
        }));
        return done / deadline.Elapsed.TotalSeconds;
    }

    public static async Task GraphQLAsync(HttpClient client, string query)
    {
        using var response = await client.PostAsJsonAsync("graphql", new { query });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (body.TryGetProperty("errors", out var errors))
        {
            throw new InvalidOperationException("The query failed: " + errors);
        }
    }

    public static async Task StaticAsync(HttpClient client)
    {
        using var response = await client.GetAsync("version");
        await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<int> CountAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("graphql", new { query = "{ statements(filter: { includeRetracted: true }, first: 0) { totalCount } }" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("data").GetProperty("statements").GetProperty("totalCount").GetInt32();
    }
}
