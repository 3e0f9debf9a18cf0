using Graph.EventStore;
using Graph.Host.Hosting;
using Graph.Host.Import;
using Spectre.Console;

namespace Graph.Host.Commands;

/// <summary><c>import FILE...</c>: records organisations, people and statements from JSON Lines or CSV.</summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(
        IReadOnlyList<string> files, string? format, ImportOptions options, Uri? url, string? apiKey, IReadOnlyList<string> hostArgs,
        TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var missing = files.FirstOrDefault(f => !File.Exists(f) && !Directory.Exists(f));
        if (missing is not null)
        {
            errors.WriteLine($"There is no file or folder '{missing}'.");
            return 2;
        }

        var csv = format?.Equals("csv", StringComparison.OrdinalIgnoreCase)
            ?? files.All(f => Directory.Exists(f) || f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase));
        if (url is not null && csv)
        {
            errors.WriteLine("A running service takes JSON Lines (--url); import CSV files directly, with the service stopped.");
            return 2;
        }

        ImportReport report;
        string destination;
        try
        {
            (report, destination) = url is not null
                ? (await SendAsync(url, apiKey, files, options, cancellationToken), $"the service at {url}")
                : await ImportHereAsync(files, csv, options, hostArgs, output, cancellationToken);
        }
        catch (Exception failure) when (failure is EventStoreInUseException or ArgumentException or HttpRequestException)
        {
            errors.WriteLine(failure.Message);
            return 1;
        }
        catch (LineTooLongException tooLong)
        {
            errors.WriteLine($"{tooLong.File}: {tooLong.Message}");
            return 1;
        }

        foreach (var problem in report.Problems)
        {
            output.WriteLine(problem);
        }

        if (report.BadRecords > report.Problems.Select(p => (p.Source, p.Line)).Distinct().Count())
        {
            output.WriteLine($"(only the first {ImportReport.MaxProblemsKept} problems are listed)");
        }

        output.WriteLine(report.Summary);
        output.WriteLine(options.DryRun || report.Refused ? $"Checked against {destination}." : $"Written to {destination}.");
        return report.BadRecords == 0 ? 0 : 1;
    }

    private static async Task<(ImportReport Report, string Log)> ImportHereAsync(
        IReadOnlyList<string> files, bool csv, ImportOptions options, IReadOnlyList<string> hostArgs, TextWriter output, CancellationToken cancellationToken)
    {
        var log = CommandHost.LogPath(hostArgs);

        // A dry run where there is no log yet checks against an empty one of its own, and leaves no file behind.
        string? scratch = null;
        if (options.DryRun && EventLogs.Provider(CommandHost.Settings(hostArgs)) == EventLogProvider.Sqlite && !File.Exists(log))
        {
            scratch = Directory.CreateTempSubdirectory("graph-dry-run-").FullName;
            hostArgs = [.. hostArgs, $"--EventStore:Path={Path.Combine(scratch, "events.db")}"];
        }

        try
        {
            return (await ImportWithGrainsAsync(files, csv, options, hostArgs, output, cancellationToken), scratch is null ? log : "an empty event log (there is none yet at " + log + ")");
        }
        finally
        {
            if (scratch is not null)
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    private static async Task<ImportReport> ImportWithGrainsAsync(
        IReadOnlyList<string> files, bool csv, ImportOptions options, IReadOnlyList<string> hostArgs, TextWriter output, CancellationToken cancellationToken)
    {
        using var host = CommandHost.OpenLog(CommandHost.Build(hostArgs, withGrains: true));
        await host.StartAsync(cancellationToken);
        try
        {
            var importer = new GraphImporter(host.Services.GetRequiredService<IGrainFactory>());
            var maxLine = (host.Services.GetRequiredService<IConfiguration>().GetSection(ImportLimits.SectionName).Get<ImportLimits>() ?? new()).MaxLineBytes;
            IRecordSource source = csv ? CsvSource.FromPaths(files) : new ConcatenatedSource([.. files.Select(f => JsonLinesSource.FromFile(f, maxLine))]);
            return Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive
                ? await importer.ImportAsync(source, options, new LineProgress(output), cancellationToken)
                : await TerminalProgress.RunAsync(progress => importer.ImportAsync(source, options, progress, cancellationToken));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<ImportReport> SendAsync(Uri url, string? apiKey, IReadOnlyList<string> files, ImportOptions options, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = url, Timeout = Timeout.InfiniteTimeSpan };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        var query = $"import?dryRun={(options.DryRun ? "true" : "false")}&allOrNothing={(options.AllOrNothing ? "true" : "false")}";
        ImportReport? total = null;
        foreach (var file in files)
        {
            await using var body = File.OpenRead(file);
            using var content = new StreamContent(body);
            content.Headers.ContentType = new("application/x-ndjson");
            using var response = await client.PostAsync(query, content, cancellationToken);
            var report = response.StatusCode is System.Net.HttpStatusCode.OK or System.Net.HttpStatusCode.UnprocessableEntity
                && response.Content.Headers.ContentType?.MediaType == "application/json"
                ? (await response.Content.ReadFromJsonAsync<ImportReport>(TransferEndpoints.Json, cancellationToken))!
                : throw new HttpRequestException($"{Path.GetFileName(file)}: the service answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            report = report with { Problems = [.. report.Problems.Select(p => p with { Source = Path.GetFileName(file) })] };
            total = total is null ? report : total with
            {
                Records = total.Records + report.Records,
                Written = total.Written + report.Written,
                Unchanged = total.Unchanged + report.Unchanged,
                Problems = [.. total.Problems, .. report.Problems],
                BadRecords = total.BadRecords + report.BadRecords,
                Refused = total.Refused || report.Refused,
            };
        }

        return total ?? new ImportReport(0, 0, 0, [], options.DryRun, false);
    }
}
