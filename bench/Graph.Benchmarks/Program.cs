using System.Globalization;
using System.Text;
using Graph.Benchmarks;

// dotnet run -c Release --project bench/Graph.Benchmarks -- [sizes, e.g. 10000 100000 1000000]
var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [10_000, 100_000, 1_000_000];
var work = Path.Combine(Path.GetTempPath(), "graph-benchmarks");
var rows = new List<string>();
foreach (var size in sizes)
{
    var folder = Path.Combine(work, size.ToString(CultureInfo.InvariantCulture));
    if (Directory.Exists(folder))
    {
        Directory.Delete(folder, recursive: true);
    }

    Directory.CreateDirectory(folder);
    var graph = new SyntheticGraph(size);
    var data = Path.Combine(folder, "graph.jsonl");
    await using (var writer = new StreamWriter(data, false, new UTF8Encoding(false), 1 << 16))
    {
        graph.Write(writer);
    }

    Console.Error.WriteLine($"{size:N0} statements: {new FileInfo(data).Length / 1048576.0:0} MiB of records; importing...");
    TimeSpan import, raw, replay, restart;
    (double P50, double P99) headline, path, baseline;
    double headlineRps, baselineRps;
    long peak;
    var (service, _) = await ServiceUnderTest.StartAsync(folder);
    await using (service)
    {
        import = await Measurements.ImportAsync(service.Address, data, size);
        peak = service.PeakWorkingSet;
    }

    raw = Measurements.RawSqliteInsert(Path.Combine(folder, "data", "events.db"), Path.Combine(folder, "raw.db"));
    Console.Error.WriteLine("Restarting and querying...");
    (service, restart) = await ServiceUnderTest.StartAsync(folder);
    await using (service)
    {
        replay = service.ReplayTime ?? restart;
        headline = await Measurements.LatencyAsync(c => Measurements.GraphQLAsync(c, Measurements.Headline), service.Address);
        path = await Measurements.LatencyAsync(c => Measurements.GraphQLAsync(c, Measurements.ThreeHopPath(graph.ThreeHopPair.From, graph.ThreeHopPair.To)), service.Address);
        baseline = await Measurements.LatencyAsync(Measurements.StaticAsync, service.Address);
        headlineRps = await Measurements.ThroughputAsync(c => Measurements.GraphQLAsync(c, Measurements.Headline), service.Address);
        baselineRps = await Measurements.ThroughputAsync(Measurements.StaticAsync, service.Address);
        peak = Math.Max(peak, service.PeakWorkingSet);
    }

    var importRate = size / import.TotalSeconds;
    var rawRate = size / raw.TotalSeconds;
    var row = string.Create(CultureInfo.InvariantCulture,
        $"| {size:N0} | {importRate:N0}/s | {rawRate:N0}/s | {100 * importRate / rawRate:0}% | {headline.P50:0.0} / {headline.P99:0.0} ms | {path.P50:0.0} / {path.P99:0.0} ms | {baseline.P50:0.00} / {baseline.P99:0.00} ms | {headlineRps:N0}/s | {baselineRps:N0}/s | {replay.TotalSeconds:0.0} s ({restart.TotalSeconds:0.0} s to ready) | {peak / 1048576.0:N0} MiB |");
    Console.WriteLine(row);
    rows.Add(row);
}

Console.WriteLine();
Console.WriteLine("| Statements | Import (until visible) | Raw SQLite insert | Import ÷ raw | Headline p50 / p99 | 3-hop path p50 / p99 | Static JSON p50 / p99 | Headline, 8 clients | Static JSON, 8 clients | Start-up replay | Peak working set |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
rows.ForEach(Console.WriteLine);
