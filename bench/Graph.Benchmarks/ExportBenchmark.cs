using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Schema;

namespace Graph.Benchmarks;

/// <summary>
/// Every export format of a store, through the command line as a user runs it (<c>export --format F --out FILE</c>):
/// wall time and peak memory beside <c>stats</c>, which loads the same log into the same embedded graph and exports
/// nothing (the baseline of the same run), and each file validated: GraphML and GEXF against their XSDs, Cytoscape.js
/// and Kumu for unique ids and edges whose ends are nodes.
/// </summary>
public static class ExportBenchmark
{
    private static readonly (string Format, string File)[] Formats =
    [
        ("jsonl", "export.jsonl"), ("graphml", "export.graphml"), ("gexf", "export.gexf"), ("cytoscape", "export.json"), ("kumu", "kumu"),
    ];

    public static async Task<string> RunAsync(string log, string folder)
    {
        Directory.CreateDirectory(folder);
        var table = new StringBuilder()
            .AppendLine("| Command | Wall time | Peak memory | Output | Valid |")
            .AppendLine("|---|---:|---:|---:|---|");
        var (baseline, baselinePeak) = await RunCommandAsync(["stats", $"--EventStore:Path={log}"]);
        table.AppendLine(CultureInfo.InvariantCulture, $"| `stats` (baseline: load the log, export nothing) | {baseline.TotalSeconds:0.0} s | {baselinePeak / 1048576.0:N0} MiB | | |");
        foreach (var (format, file) in Formats)
        {
            var path = Path.Combine(folder, file);
            var (time, peak) = await RunCommandAsync(["export", "--format", format, "--out", path, $"--EventStore:Path={log}"]);
            var size = Directory.Exists(path) ? Directory.EnumerateFiles(path).Sum(f => new FileInfo(f).Length) : new FileInfo(path).Length;
            var valid = Validate(format, path);
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| `export --format {format}` | {time.TotalSeconds:0.0} s | {peak / 1048576.0:N0} MiB | {size / 1048576.0:N0} MiB | {valid} |");
            Console.Error.WriteLine($"  {format}: {time.TotalSeconds:0.0} s, {valid}");
        }

        return table.ToString();
    }

    private static async Task<(TimeSpan Time, long PeakBytes)> RunCommandAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Graph.Host.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.HasExited)
        {
            try
            {
                var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                if (line is not null)
                {
                    peak = Math.Max(peak, long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024);
                }
            }
            catch (IOException)
            {
            }

            await Task.Delay(50);
        }

        await process.WaitForExitAsync();
        var elapsed = clock.Elapsed;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await errors}");
        }

        return (elapsed, peak);
    }

    private static string Validate(string format, string path)
    {
        try
        {
            switch (format)
            {
                case "graphml":
                    Xsd(path, ("http://www.w3.org/1999/xlink", "xlink.xsd"), ("http://graphml.graphdrawing.org/xmlns", "graphml.xsd"));
                    break;
                case "gexf":
                    Xsd(path, ("http://gexf.net/1.3", Path.Combine("gexf-1.3", "gexf.xsd")));
                    break;
                case "cytoscape":
                    Cytoscape(path);
                    break;
                case "kumu":
                    Kumu(path);
                    break;
                default:
                    return "(imports as it is; see the import tests)";
            }

            return "valid";
        }
        catch (Exception invalid) when (invalid is XmlException or XmlSchemaException or InvalidDataException or JsonException)
        {
            return "INVALID: " + invalid.Message;
        }
    }

    private static void Xsd(string path, params (string Namespace, string File)[] schemas)
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "Graph.Api.Tests", "Transfer", "Schemas");
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints;
        settings.Schemas.XmlResolver = new XmlUrlResolver();
        foreach (var (ns, file) in schemas)
        {
            settings.Schemas.Add(ns, Path.Combine(folder, file));
        }

        settings.ValidationEventHandler += (_, e) => throw new XmlSchemaException($"{e.Message} (line {e.Exception?.LineNumber})");
        using var reader = XmlReader.Create(path, settings);
        while (reader.Read())
        {
        }
    }

    private static void Cytoscape(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        var elements = document.RootElement.GetProperty("elements");
        var nodes = elements.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("data").GetProperty("id").GetString()!).ToList();
        var ids = nodes.ToHashSet(StringComparer.Ordinal);
        Check(ids.Count == nodes.Count, "a node id repeats");
        foreach (var edge in elements.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("data")))
        {
            Check(ids.Contains(edge.GetProperty("source").GetString()!) && ids.Contains(edge.GetProperty("target").GetString()!), $"edge {edge.GetProperty("id")} has an end that is no node");
        }
    }

    private static void Kumu(string folder)
    {
        var elements = new HashSet<string>(StringComparer.Ordinal);
        using (var elementReader = new StreamReader(Path.Combine(folder, "elements.csv")))
        using (var elementCsv = new CsvHelper.CsvParser(elementReader, CultureInfo.InvariantCulture))
        {
            elementCsv.Read();
            while (elementCsv.Read())
            {
                Check(elements.Add(elementCsv.Record![0]), $"element {elementCsv.Record[0]} repeats");
            }
        }

        Check(File.ReadLines(Path.Combine(folder, "connections.csv")).First().StartsWith("ID,From,To", StringComparison.Ordinal), "connections.csv has no ID,From,To header");
        using var reader = new StreamReader(Path.Combine(folder, "connections.csv"));
        using var csv = new CsvHelper.CsvParser(reader, CultureInfo.InvariantCulture);
        csv.Read();
        while (csv.Read())
        {
            Check(elements.Contains(csv.Record![1]) && elements.Contains(csv.Record[2]), $"connection {csv.Record[0]} has an end that is no element");
        }
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidDataException(problem);
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Graph.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The benchmark runs from inside the repository, to find the schemas.");
    }
}
