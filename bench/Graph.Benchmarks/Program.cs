using System.Globalization;
using System.Text;
using Graph.Benchmarks;

// dotnet run -c Release --project bench/Graph.Benchmarks -- [sizes, e.g. 10000 100000 1000000] [--queries-only]
//     [--store neo4j [--neo4j-uri http://localhost:7474] [--neo4j-user neo4j] [--neo4j-password secret]]
// --queries-only keeps the event log an earlier run imported for each size and measures only the restart and queries
// (with --store neo4j, also the graph that run left in Neo4j); --profile-only (Neo4j) only profiles the reader statements.
// --hostile sends the documents found to exhaust the server, once each, and prints how each was refused.
if (args.Contains("--hostile"))
{
    Console.WriteLine(await HostileDocuments.RunAsync(Path.Combine(Path.GetTempPath(), "graph-benchmarks-hostile")));
    return;
}

// --exports SIZE exports the log an earlier run imported for that size in every format, and validates each file.
if (args.SkipWhile(a => a != "--exports").Skip(1).FirstOrDefault() is { } exportSize)
{
    var log = Path.Combine(Path.GetTempPath(), "graph-benchmarks", exportSize, "data", "events.db");
    if (!File.Exists(log))
    {
        throw new InvalidOperationException($"--exports {exportSize} needs the event log an earlier run imported: {log}.");
    }

    Console.WriteLine(await ExportBenchmark.RunAsync(log, Path.Combine(Path.GetTempPath(), "graph-benchmarks-exports", exportSize)));
    return;
}

// --event-log-postgres "CONNECTION STRING" [COUNT] times the PostgreSQL event log's appends beside raw INSERT and COPY
// of the same rows (it drops and recreates the schemas bench_log and bench_raw of that database).
if (args.SkipWhile(a => a != "--event-log-postgres").Skip(1).FirstOrDefault() is { } postgres)
{
    var count = args.SkipWhile(a => a != "--event-log-postgres").Skip(2).FirstOrDefault() is { } given && !given.StartsWith("--", StringComparison.Ordinal)
        ? int.Parse(given, CultureInfo.InvariantCulture)
        : 100_000;
    Console.WriteLine(await EventLogBenchmark.RunAsync(postgres, count, inFlight: 1_000));
    return;
}

// --cluster "POSTGRES CONNECTION STRING" REDIS times the cluster's writes end to end: one process, one silo and three
// silos behind an API node, and three with one killed halfway (it drops and recreates schemas bench_cluster_* there).
if (args.SkipWhile(a => a != "--cluster").Skip(1).Take(2).ToList() is [var clusterLog, var clusterRedis])
{
    Console.WriteLine(await ClusterBenchmark.RunAsync(clusterLog, clusterRedis));
    return;
}

// --explorer SIZE times the explorer on the log an earlier run imported for that size: the server's neighbourhoods and,
// in Chromium, the drawing (--drawing-only: the drawing alone).
if (args.SkipWhile(a => a != "--explorer").Skip(1).FirstOrDefault() is { } explorerSize)
{
    var folder = Path.Combine(Path.GetTempPath(), "graph-benchmarks", explorerSize);
    if (!File.Exists(Path.Combine(folder, "data", "events.db")))
    {
        throw new InvalidOperationException($"--explorer {explorerSize} needs the event log an earlier run imported in {folder}.");
    }

    Console.WriteLine(await ExplorerBenchmark.RunAsync(folder, int.Parse(explorerSize, CultureInfo.InvariantCulture), args.Contains("--drawing-only")));
    return;
}

var queriesOnly = args.Contains("--queries-only") || args.Contains("--profile-only");
var neo4j = args.SkipWhile(a => a != "--store").Skip(1).FirstOrDefault() is "neo4j" ? Neo4jServer.FromArguments(args) : null;
var options = new HashSet<string> { "--store", "--neo4j-uri", "--neo4j-user", "--neo4j-password" };
var sizes = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !options.Contains(args[i - 1])))
    .Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
sizes = sizes.Length > 0 ? sizes : neo4j is null ? [10_000, 100_000, 1_000_000] : [100_000, 1_000_000];
var work = Path.Combine(Path.GetTempPath(), neo4j is null ? "graph-benchmarks" : "graph-benchmarks-neo4j");
var rows = new List<string>();
foreach (var size in sizes)
{
    var folder = Path.Combine(work, size.ToString(CultureInfo.InvariantCulture));
    var graph = new SyntheticGraph(size);
    var data = Path.Combine(folder, "graph.jsonl");
    if (queriesOnly)
    {
        if (!File.Exists(Path.Combine(folder, "data", "events.db")))
        {
            throw new InvalidOperationException($"--queries-only needs the event log of an earlier run in {folder}.");
        }

        graph.Write(TextWriter.Null);
    }
    else
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        await using (var writer = new StreamWriter(data, false, new UTF8Encoding(false), 1 << 16))
        {
            graph.Write(writer);
        }

        Console.Error.WriteLine($"{size:N0} statements: {new FileInfo(data).Length / 1048576.0:0} MiB of records");
    }

    if (neo4j is not null)
    {
        rows.Add(args.Contains("--profile-only")
            ? await Neo4jProfile.RunAsync(size, neo4j)
            : await Neo4jBenchmark.RunAsync(size, folder, graph, data, neo4j, queriesOnly));
        continue;
    }

    rows.Add(queriesOnly ? await QueriesOnlyAsync(size, folder, graph) : await EmbeddedAsync(size, folder, graph, data));
}

Console.WriteLine();
if (neo4j is not null)
{
    Console.WriteLine("| Statements | Import (acknowledged) | Import (until visible in Neo4j) | Projection of the log (rebuild-projection) | Raw UNWIND ... CREATE | Projection ÷ raw |");
    Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
    rows.SelectMany(r => r.Split(Environment.NewLine)).Where(r => r.Count(c => c == '|') == 7).ToList().ForEach(Console.WriteLine);
    Console.WriteLine();
    Console.WriteLine("| Statements | Question | Service p50 / p99 | Hand-written Cypher p50 / p99 | p99 ÷ floor | Service, 8 clients | Cypher, 8 clients | Service ÷ floor | Service's db hits | Hand-written db hits |");
    Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    rows.SelectMany(r => r.Split(Environment.NewLine)).Where(r => r.Count(c => c == '|') == 11).ToList().ForEach(Console.WriteLine);
    Console.WriteLine();
    Console.WriteLine("| Statements | Reader statement (PROFILE) | db hits | Best of three |");
    Console.WriteLine("|---:|---|---:|---:|");
    rows.SelectMany(r => r.Split(Environment.NewLine)).Where(r => r.Count(c => c == '|') == 5).ToList().ForEach(Console.WriteLine);
    return;
}

Console.WriteLine("| Statements | Import (until visible) | Raw SQLite insert | Import ÷ raw | Headline p50 / p99 | 3-hop path p50 / p99 | Static JSON p50 / p99 | Headline, 8 clients | Static JSON, 8 clients | Start-up replay | Peak working set |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
rows.ForEach(Console.WriteLine);

static async Task<string> EmbeddedAsync(int size, string folder, SyntheticGraph graph, string data)
{
    Console.Error.WriteLine("Importing...");
    TimeSpan import, raw;
    long peak;
    var (service, _) = await ServiceUnderTest.StartAsync(folder);
    await using (service)
    {
        import = await Measurements.ImportAsync(service.Address, data, size);
        peak = service.PeakWorkingSet;
    }

    raw = Measurements.RawSqliteInsert(Path.Combine(folder, "data", "events.db"), Path.Combine(folder, "raw.db"));
    var importRate = size / import.TotalSeconds;
    var rawRate = size / raw.TotalSeconds;
    var queries = await QueriesAsync(folder, graph);
    var row = string.Create(CultureInfo.InvariantCulture,
        $"| {size:N0} | {importRate:N0}/s | {rawRate:N0}/s | {100 * importRate / rawRate:0}% | {queries} {Math.Max(peak, queries.Peak) / 1048576.0:N0} MiB |");
    Console.WriteLine(row);
    return row;
}

static async Task<string> QueriesOnlyAsync(int size, string folder, SyntheticGraph graph)
{
    var queries = await QueriesAsync(folder, graph);
    var row = string.Create(CultureInfo.InvariantCulture, $"| {size:N0} | kept | | | {queries} {queries.Peak / 1048576.0:N0} MiB |");
    Console.WriteLine(row);
    return row;
}

static async Task<QueryFigures> QueriesAsync(string folder, SyntheticGraph graph)
{
    Console.Error.WriteLine("Restarting and querying...");
    var (service, restart) = await ServiceUnderTest.StartAsync(folder);
    await using (service)
    {
        var replay = service.ReplayTime ?? restart;
        var headline = await Measurements.LatencyAsync(c => Measurements.GraphQLAsync(c, Measurements.Headline), service.Address);
        var path = await Measurements.LatencyAsync(c => Measurements.GraphQLAsync(c, Measurements.ThreeHopPath(graph.ThreeHopPair.From, graph.ThreeHopPair.To)), service.Address);
        var baseline = await Measurements.LatencyAsync(Measurements.StaticAsync, service.Address);
        var headlineRps = await Measurements.ThroughputAsync(c => Measurements.GraphQLAsync(c, Measurements.Headline), service.Address);
        var baselineRps = await Measurements.ThroughputAsync(Measurements.StaticAsync, service.Address);
        return new QueryFigures(headline, path, baseline, headlineRps, baselineRps, replay, restart, service.PeakWorkingSet);
    }
}

/// <summary>What a restarted service measured: everything in the table after the import columns.</summary>
internal sealed record QueryFigures(
    (double P50, double P99) Headline, (double P50, double P99) Path, (double P50, double P99) Baseline,
    double HeadlineRps, double BaselineRps, TimeSpan Replay, TimeSpan Restart, long Peak)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Headline.P50:0.0} / {Headline.P99:0.0} ms | {Path.P50:0.0} / {Path.P99:0.0} ms | {Baseline.P50:0.00} / {Baseline.P99:0.00} ms | {HeadlineRps:N0}/s | {BaselineRps:N0}/s | {Replay.TotalSeconds:0.0} s ({Restart.TotalSeconds:0.0} s to ready) |");
}
