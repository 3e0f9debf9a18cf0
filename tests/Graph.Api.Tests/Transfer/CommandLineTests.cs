using System.Diagnostics;
using Graph.Testing;

namespace Graph.Api.Tests.Transfer;

/// <summary>The command line as a user runs it: <c>dotnet Graph.Host.dll import|export|stats</c>.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Importing_a_file_twice_then_exporting_it_and_importing_the_export_elsewhere_round_trips()
    {
        using var first = new ScratchDirectory();
        using var second = new ScratchDirectory();
        var sample = Path.Combine(Repository.Root, "src", "Graph.Host", "SampleData", "rekognition-moratorium.jsonl");

        var imported = await RunAsync(first.Path, "import", sample);
        var again = await RunAsync(first.Path, "import", sample);
        var exported = await RunAsync(first.Path, "export", "--out", first.File("export.jsonl"));
        var copied = await RunAsync(second.Path, "import", first.File("export.jsonl"));
        var reexported = await RunAsync(second.Path, "export", "--out", second.File("export.jsonl"));
        var stats = await RunAsync(second.Path, "stats");

        Assert.Equal((0, 0, 0, 0, 0, 0), (imported.Code, again.Code, exported.Code, copied.Code, reexported.Code, stats.Code));
        Assert.Contains("36 records read: 36 written, 0 already on record, 0 bad.", imported.Output, StringComparison.Ordinal);
        Assert.Contains("36 records read: 0 written, 36 already on record, 0 bad.", again.Output, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllTextAsync(first.File("export.jsonl")), await File.ReadAllTextAsync(second.File("export.jsonl")));
        Assert.Contains("statement-recorded", stats.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_reports_bad_lines_with_exit_code_1_and_creates_no_event_log()
    {
        using var folder = new ScratchDirectory();
        await File.WriteAllTextAsync(folder.File("bad.jsonl"), """
            {"type":"organisation","id":"ok","name":"Fine Org","kind":"NGO"}
            {"type":"statement","id":"s","kind":"APPEAL","speaker":{"id":"ok"},"sources":[{"publisher":"P"}]}
            """);

        var dryRun = await RunAsync(folder.Path, "import", folder.File("bad.jsonl"), "--dry-run");
        var stats = await RunAsync(folder.Path, "stats");

        Assert.Equal(1, dryRun.Code);
        Assert.Equal(1, stats.Code);
        Assert.Contains("bad.jsonl:2: REQUIRED (quote): A statement needs a quote or a summary (or both).", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("Dry run: 2 records read, 1 good, 1 bad; nothing was written.", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("Checked against an empty event log (there is none yet at", dryRun.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "data")), "a dry run must create no event log");
        Assert.Contains("There is no event log", stats.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_commands_where_there_is_no_event_log_say_so_without_a_stack_trace_and_create_nothing()
    {
        using var folder = new ScratchDirectory();

        var stats = await RunAsync(folder.Path, "stats");
        var export = await RunAsync(folder.Path, "export");

        foreach (var (code, output) in new[] { stats, export })
        {
            Assert.Equal(1, code);
            Assert.Contains($"There is no event log at {Path.Combine(folder.Path, "data", "events.db")}.", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task The_service_refuses_another_applications_database_as_its_log_and_leaves_it_as_it_was()
    {
        using var folder = new ScratchDirectory();
        var path = Path.Combine(folder.Path, "data", "events.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Sql(path, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Ada');");

        var serve = await RunAsync(folder.Path, "serve", "--urls", "http://127.0.0.1:0", "--Graph:LoadSampleData=true");

        Assert.Equal(1, serve.Code);
        Assert.Contains($"{path} is not an event log of this service: it holds the tables customers.", serve.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", serve.Output, StringComparison.Ordinal);
        Assert.Equal("1", Sql(path, "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table';"));
    }

    [Theory]
    [InlineData("--EventStore:Provider=Postgress", "EventStore:Provider is 'Postgress'; it must be one of Sqlite, Postgres.")]
    [InlineData("--Graph:Role=silos", "Graph:Role is 'silos'; it must be one of All, Silo, Api.")]
    [InlineData("--Orleans:Membership=Redis", "Orleans:Membership is Redis but Orleans:RedisConnectionString is not set")]
    [InlineData("--Orleans:Membership=Redis|--Orleans:RedisConnectionString=localhost:1|--Orleans:AdvertisedAddress=my-host", "Orleans:AdvertisedAddress is 'my-host'; it must be an IP address")]
    [InlineData("--Orleans:Membership=Redisx", "Orleans:Membership is 'Redisx'; it must be one of Localhost, Redis.")]
    [InlineData("--Graph:Store=Neo4", "Graph:Store is 'Neo4'; it must be one of Embedded, Neo4j.")]
    [InlineData("--Projection:BatchSize=many", "Failed to convert configuration value 'many' at 'Projection:BatchSize' to type 'System.Int32'.")]
    [InlineData("--Orleans:ClusterMembership:ProbeTimeout=2s", "Failed to convert configuration value '2s' at 'Orleans:ClusterMembership:ProbeTimeout' to type 'System.TimeSpan'.")]
    public async Task A_setting_the_service_cannot_use_is_named_without_a_stack_trace_and_nothing_starts(string settings, string message)
    {
        using var folder = new ScratchDirectory();

        var serve = await RunAsync(folder.Path, ["serve", "--urls", "http://127.0.0.1:0", .. settings.Split('|')]);

        Assert.Equal(1, serve.Code);
        Assert.Contains(message, serve.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", serve.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Path, "data", "events.db")), "Nothing was written.");
    }

    [Theory]
    [InlineData("import|two.jsonl|--dryrun|--EventStore:Path=elsewhere/events.db", "'--dryrun' is not an option of import; did you mean --dry-run?")]
    [InlineData("export|--said_from|2020-05", "'--said_from' is not an option of export; did you mean --said-from?")]
    [InlineData("import|--url|localhost:5080|two.jsonl", "--url must be the service's address, such as http://localhost:5080, not 'localhost:5080'.")]
    [InlineData("stats|--everything", "'--everything' is not an option of stats.")]
    public async Task A_misspelt_option_is_an_error_with_a_suggestion_and_nothing_is_written(string arguments, string message)
    {
        using var folder = new ScratchDirectory();
        await File.WriteAllTextAsync(folder.File("two.jsonl"), """{"type":"organisation","id":"two","name":"Two Org","kind":"NGO"}""");

        var run = await RunAsync(folder.Path, arguments.Split('|'));

        Assert.Equal(2, run.Code);
        Assert.Contains(message, run.Output, StringComparison.Ordinal);
        Assert.Contains("Nothing was done.", run.Output, StringComparison.Ordinal);
        Assert.Equal([folder.File("two.jsonl")], Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task Settings_stand_anywhere_even_after_a_list_option_and_the_report_names_the_log()
    {
        using var folder = new ScratchDirectory();
        await File.WriteAllTextAsync(folder.File("two.jsonl"), """
            {"type":"organisation","id":"two","name":"Two Org","kind":"NGO"}
            {"type":"statement","id":"s","kind":"APPEAL","speaker":{"id":"two"},"summary":"Asks.","sources":[{"publisher":"P"}]}
            """);
        var log = Path.Combine(folder.Path, "elsewhere", "events.db");

        var import = await RunAsync(folder.Path, "import", "--EventStore:Path", "elsewhere/events.db", "two.jsonl");
        var export = await RunAsync(folder.Path, "export", "--kinds", "Appeal", "Demand", "--EventStore:Path=elsewhere/events.db");

        Assert.Equal((0, 0), (import.Code, export.Code));
        Assert.Contains($"Written to {log}.", import.Output, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"s\"", export.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "data")));
    }

    [Fact]
    public async Task Import_sends_to_a_running_service_with_url_and_refuses_at_once_to_write_its_log()
    {
        using var folder = new ScratchDirectory();
        await File.WriteAllTextAsync(folder.File("two.jsonl"), """{"type":"organisation","id":"sent-by-url","name":"Sent By URL","kind":"NGO"}""");
        await using var service = await ServiceProcess.StartAsync(folder.Path);

        var direct = await RunAsync(folder.Path, "import", "two.jsonl");
        var sent = await RunAsync(folder.Path, "import", "--url", service.BaseAddress.ToString(), "two.jsonl");

        Assert.Equal(1, direct.Code);
        Assert.Contains("is in use by another process", direct.Output, StringComparison.Ordinal);
        Assert.Contains("with --url", direct.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("WRITE_FAILED", direct.Output, StringComparison.Ordinal);
        Assert.Equal(0, sent.Code);
        Assert.Contains($"Written to the service at {service.BaseAddress}.", sent.Output, StringComparison.Ordinal);
        Assert.Equal("Sent By URL", (await service.PostAsync("""{ actor(id: "sent-by-url") { name } }""")).Data().At("actor.name").GetString());
    }

    [Fact]
    public async Task Export_writes_GraphML_and_GEXF_and_refuses_a_format_it_does_not_know()
    {
        using var folder = new ScratchDirectory();
        var sample = Path.Combine(Repository.Root, "src", "Graph.Host", "SampleData", "rekognition-moratorium.jsonl");
        Assert.Equal(0, (await RunAsync(folder.Path, "import", sample)).Code);

        var actors = await RunAsync(folder.Path, "export", "--format", "graphml", "--shape", "Actors", "--out", folder.File("actors.graphml"));
        var gexf = await RunAsync(folder.Path, "export", "--format", "gexf", "--kinds", "Demand", "--out", folder.File("demands.gexf"));
        var kumu = await RunAsync(folder.Path, "export", "--format", "kumu", "--out", folder.File("kumu"));
        var unknown = await RunAsync(folder.Path, "export", "--format", "pdf");

        Assert.Equal((0, 0, 0, 2), (actors.Code, gexf.Code, kumu.Code, unknown.Code));
        Assert.True(File.Exists(Path.Combine(folder.File("kumu"), "elements.csv")) && File.Exists(Path.Combine(folder.File("kumu"), "connections.csv")));
        Assert.Equal("gexf", System.Xml.Linq.XDocument.Load(folder.File("demands.gexf")).Root!.Name.LocalName);
        var graph = System.Xml.Linq.XDocument.Load(folder.File("actors.graphml"));
        Assert.Equal("actors", graph.Root!.Elements().Last().Attribute("id")?.Value);
        Assert.Contains("'pdf'", unknown.Output, StringComparison.Ordinal);
        Assert.Contains("graphml", unknown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_will_not_listen_beyond_loopback_without_authentication()
    {
        using var folder = new ScratchDirectory();

        var serve = await RunAsync(folder.Path, "serve", "--urls", $"http://0.0.0.0:{FreePorts.Next()}");

        Assert.Equal(1, serve.Code);
        Assert.Contains("with no authentication, so anyone who can reach it could read and change everything", serve.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", serve.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Path, "data", "events.db")));
    }

    [Fact]
    public async Task A_malformed_event_in_the_log_is_named_by_its_position_and_stream()
    {
        using var folder = new ScratchDirectory();
        await File.WriteAllTextAsync(folder.File("one.jsonl"), """{"type":"organisation","id":"ok","name":"Fine Org","kind":"NGO"}""");
        Assert.Equal(0, (await RunAsync(folder.Path, "import", folder.File("one.jsonl"))).Code);
        var path = Path.Combine(folder.Path, "data", "events.db");
        var position = Sql(path, "SELECT position FROM events WHERE stream_id = 'organisation-ok';");
        Sql(path, $"UPDATE events SET data = CAST('{{\"$type\": \"organisation-registered\", \"name\": ' AS BLOB) WHERE position = {position};");

        var stats = await RunAsync(folder.Path, "stats");

        Assert.Equal(1, stats.Code);
        Assert.Contains($"The event at position {position} of the log (stream 'organisation-ok', version 1) cannot be read:", stats.Output, StringComparison.Ordinal);
    }

    private static string? Sql(string path, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<(int Code, string Output)> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Graph.Host.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add($"--Orleans:SiloPort={FreePorts.Next()}");
        start.ArgumentList.Add($"--Orleans:GatewayPort={FreePorts.Next()}");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await errors);
    }
}
