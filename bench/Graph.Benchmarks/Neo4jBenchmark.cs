using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Graph.Benchmarks;

/// <summary>
/// The service with <c>Graph:Store=Neo4j</c> against a live Neo4j, each figure beside its floor measured in the same
/// run: the import until Neo4j shows every statement; the projection of an existing log (<c>rebuild-projection</c>)
/// beside a raw batched <c>UNWIND ... CREATE</c> of the same graph; and each analyst's question through the service
/// beside the same question in hand-written Cypher, with the database hits of both under PROFILE.
/// </summary>
public static partial class Neo4jBenchmark
{
    // Neo4j-backed answers take tens of milliseconds, so fewer requests than the embedded store's thousand.
    private const int Requests = 300;

    public static async Task<string> RunAsync(int size, string folder, SyntheticGraph graph, string data, Neo4jServer neo4j, bool queriesOnly)
    {
        var log = Path.Combine(folder, "data", "events.db");
        var figures = new List<string>();
        if (!queriesOnly)
        {
            await neo4j.ClearAsync();
            Console.Error.WriteLine("  importing through the Neo4j-backed service...");
            var (service, _) = await ServiceUnderTest.StartAsync(folder, neo4j.ServiceArguments);
            (TimeSpan Acknowledged, TimeSpan Visible) import;
            await using (service)
            {
                import = await Measurements.ImportStagesAsync(service.Address, data, size, () => neo4j.CountAsync("Statement"));
            }

            await neo4j.ClearAsync();
            Console.Error.WriteLine("  writing the same graph with raw UNWIND ... CREATE...");
            var raw = await RawNeo4jWrite.RunAsync(neo4j, log);
            await neo4j.ClearAsync();
            Console.Error.WriteLine("  rebuild-projection...");
            var projection = await RebuildAsync(folder, log, neo4j);
            figures.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {size:N0} | {size / import.Acknowledged.TotalSeconds:N0}/s | {size / import.Visible.TotalSeconds:N0}/s "
                + $"| {size / projection.TotalSeconds:N0}/s ({projection.TotalSeconds:0} s) "
                + $"| {size / raw.Elapsed.TotalSeconds:N0}/s ({raw.Elapsed.TotalSeconds:0} s; {raw.Nodes:N0} nodes, {raw.Relationships:N0} relationships) "
                + $"| {100 * raw.Elapsed.TotalSeconds / projection.TotalSeconds:0}% |"));
            Console.WriteLine(figures[^1]);
        }

        Console.Error.WriteLine("  restarting on Neo4j and asking the questions...");
        var (restarted, _) = await ServiceUnderTest.StartAsync(folder, neo4j.ServiceArguments);
        await using (restarted)
        {
            foreach (var question in Neo4jQuestion.For(graph))
            {
                figures.Add(await AskAsync(size, question, restarted.Address, neo4j));
                Console.WriteLine(figures[^1]);
            }
        }

        Console.Error.WriteLine("  profiling every reader statement...");
        figures.Add(await Neo4jProfile.RunAsync(size, neo4j));
        return string.Join(Environment.NewLine, figures);
    }

    private static async Task<string> AskAsync(int size, Neo4jQuestion question, Uri service, Neo4jServer neo4j)
    {
        Task Ours(HttpClient client) => Measurements.GraphQLAsync(client, question.GraphQL);
        var floor = neo4j.Prepared(question.Floor, question.FloorParameters);
        var (ours, theirs) = await Measurements.LatencyTurnAboutAsync(Ours, service, floor, neo4j.Uri, Requests, TimeSpan.FromSeconds(10));
        var (oursRps, theirsRps) = await Measurements.ThroughputTurnAboutAsync(Ours, service, floor, neo4j.Uri);
        var oursHits = 0L;
        foreach (var compiled in question.Compiled)
        {
            oursHits += await neo4j.DbHitsAsync(compiled.Statement.Text, compiled.Parameters);
        }

        var floorHits = await neo4j.DbHitsAsync(question.Floor, question.FloorParameters);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {size:N0} | {question.Name} | {ours.P50:0.0} / {ours.P99:0.0} ms | {theirs.P50:0.0} / {theirs.P99:0.0} ms | {ours.P99 / theirs.P99:0.00} "
            + $"| {oursRps:N0}/s | {theirsRps:N0}/s | {100 * oursRps / theirsRps:0}% | {oursHits:N0} | {floorHits:N0} |");
    }

    /// <summary>Runs <c>rebuild-projection</c>, this very build, as a user would, and returns the replay time it reports.</summary>
    private static async Task<TimeSpan> RebuildAsync(string folder, string log, Neo4jServer neo4j)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "Graph.Host.dll"), "rebuild-projection",
            $"--EventStore:Path={log}", .. neo4j.ServiceArguments.Skip(1)])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_gcServer"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var match = Rebuilt().Match(await output);
        return process.ExitCode == 0 && match.Success
            ? TimeSpan.FromSeconds(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture))
            : throw new InvalidOperationException($"rebuild-projection failed ({process.ExitCode}): {await errors}{await output}");
    }

    [GeneratedRegex(@"Rebuilt the graph from [\d,]+ events in ([\d.]+) s\.")]
    private static partial Regex Rebuilt();
}
