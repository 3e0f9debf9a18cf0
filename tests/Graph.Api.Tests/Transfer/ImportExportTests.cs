using System.Net;
using System.Net.Http.Json;
using Graph.EventStore;
using Graph.Host.Export;
using Graph.Host.Hosting;
using Graph.Host.Import;
using Graph.Projection;
using Graph.Projection.Reading;
using Graph.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.Transfer;

public sealed class ImportExportTests
{
    private const string Mixed = """
        {"type":"organisation","id":"acme","name":"Acme Corp","kind":"COMPANY"}
        {"type":"organisation","id":"watch","name":"Watchdog Group","kind":"NGO"}
        {"type":"statement","id":"s1","kind":"CRITICISE","speaker":{"id":"watch"},"addressees":[{"name":"Acme Corp"}],"summary":"Criticises Acme.","sources":[{"publisher":"Daily"}]}
        {"type":"statement","id":"s2","kind":"GRUMBLE","speaker":{"id":"watch"},"summary":"Grumbles.","sources":[{"publisher":"Daily"}]}
        {"type":"statement","id":"s3","kind":"APPEAL","summary":"No speaker.","sources":[{"publisher":"Daily"}]}
        {"type":"statement", "id": "s4", "kind":
        {"type":"statement","id":"s5","kind":"DEMAND","speaker":{"name":"Nobody Known"},"summary":"Unknown speaker.","sources":[{"publisher":"Daily"}]}
        {"type":"statement","id":"s1","kind":"SUPPORT","speaker":{"id":"watch"},"summary":"Same id, other content.","sources":[{"publisher":"Daily"}]}
        {"type":"statement","id":"s6","kind":"SUPPORT","speaker":{"id":"acme"},"addressees":[{"id":"watch"}],"respondsTo":"s1","summary":"Thanks.","sources":[{"publisher":"Daily"}]}
        """;

    private static readonly string[] MixedProblems =
    [
        "4:INVALID_RECORD", "5:REQUIRED", "6:INVALID_RECORD", "7:UNKNOWN_ACTOR", "8:DUPLICATE_ID",
    ];

    private static JsonLinesSource Source(string jsonLines) =>
        new("test.jsonl", () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(jsonLines)));

    private static async Task<ImportReport> ImportAsync(GraphServiceFactory service, string jsonLines, ImportOptions options)
    {
        var report = await new GraphImporter(service.Services.GetRequiredService<IGrainFactory>()).ImportAsync(Source(jsonLines), options, new LineProgress(TextWriter.Null), CancellationToken.None);
        await service.Services.GetRequiredService<Projector>().WaitForAsync(report.Position);
        return report;
    }

    [Fact]
    public async Task A_dry_run_names_every_bad_line_and_why_and_writes_nothing()
    {
        await using var service = GraphServiceFactory.With(new Dictionary<string, string> { ["Graph:LoadSampleData"] = "false" }, null);
        var events = service.Services.GetRequiredService<IEventStore>();

        var report = await ImportAsync(service, Mixed, new ImportOptions(DryRun: true));

        Assert.Equal(MixedProblems, report.Problems.Select(p => $"{p.Line}:{p.Code}"));
        Assert.Contains("'GRUMBLE' is not a statement kind", report.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal("speaker", report.Problems[1].Field);
        Assert.Contains("not valid JSON", report.Problems[2].Message, StringComparison.Ordinal);
        Assert.Contains("Nobody Known", report.Problems[3].Message, StringComparison.Ordinal);
        Assert.Contains("Line 3", report.Problems[4].Message, StringComparison.Ordinal);
        Assert.Equal((9, 5, 0), (report.Records, report.BadRecords, report.Written));
        Assert.Equal(0, events.HeadPosition);
    }

    [Fact]
    public async Task All_or_nothing_writes_nothing_when_a_record_is_bad_and_otherwise_good_records_are_written()
    {
        await using var service = GraphServiceFactory.With(new Dictionary<string, string> { ["Graph:LoadSampleData"] = "false" }, null);
        var events = service.Services.GetRequiredService<IEventStore>();

        var refused = await ImportAsync(service, Mixed, new ImportOptions(AllOrNothing: true));
        var headAfterRefusal = events.HeadPosition;
        var imported = await ImportAsync(service, Mixed, new ImportOptions());
        var again = await ImportAsync(service, Mixed, new ImportOptions());
        var headAfterImports = events.HeadPosition;

        Assert.True(refused.Refused);
        Assert.Equal(0, headAfterRefusal);
        Assert.Equal((4, 0, 5), (imported.Written, imported.Unchanged, imported.BadRecords));
        Assert.Equal((0, 4, 5), (again.Written, again.Unchanged, again.BadRecords));
        Assert.Equal(headAfterImports, events.HeadPosition);
        var thanks = Assert.Single(await service.Services.GetRequiredService<IGraphReader>().GetStatementsAsync(["s6"]));
        Assert.Equal("s1", thanks.RespondsToId);
    }

    [Fact]
    public async Task Upsert_records_restate_actors_that_exist_and_register_those_that_do_not()
    {
        await using var service = new GraphServiceFactory();
        const string Restated = """
            {"type":"organisation","id":"aclu","name":"American Civil Liberties Union","kind":"NGO","aliases":["ACLU"]}
            """;
        const string Upserts = """
            {"type":"organisation","id":"aclu","name":"American Civil Liberties Union","kind":"NGO","aliases":["ACLU"],"upsert":true}
            {"type":"person","name":"Hoan Ton-That","upsert":true}
            {"type":"organisation","id":"upsert-new","name":"Upsert New Org","kind":"OTHER","upsert":true}
            {"type":"organisation","id":"upsert-bad","name":"Upsert Bad Org","kind":"OTHER","upsert":"yes"}
            """;
        var events = service.Services.GetRequiredService<IEventStore>();

        var plain = await ImportAsync(service, Restated, new ImportOptions());
        var head = events.HeadPosition;
        var dryRun = await ImportAsync(service, Upserts, new ImportOptions(DryRun: true));
        Assert.Equal(head, events.HeadPosition);
        var upserted = await ImportAsync(service, Upserts, new ImportOptions());
        var again = await ImportAsync(service, Upserts, new ImportOptions());
        var data = (await service.PostAsync("""
            {
              aclu: organisation(id: "aclu") { aliases externalIds { value } }
              tonThat: actors(name: "ton that") { name }
              reversed: actors(name: "That Ton", type: PERSON) { name }
              created: organisation(id: "upsert-new") { name }
            }
            """)).Data();

        Assert.Equal(["1:ID_TAKEN"], plain.Problems.Select(p => $"{p.Line}:{p.Code}"));
        Assert.Equal(["4:INVALID_RECORD"], dryRun.Problems.Select(p => $"{p.Line}:{p.Code}"));
        Assert.Equal(["4:INVALID_RECORD"], upserted.Problems.Select(p => $"{p.Line}:{p.Code}"));
        Assert.Contains("upsert", upserted.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(3, upserted.Written);
        Assert.Equal((0, 3), (again.Written, again.Unchanged));
        Assert.Equal(["ACLU"], data.At("aclu.aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(0, data.At("aclu.externalIds").GetArrayLength());
        Assert.Equal(["Hoan Ton-That"], data.At("tonThat").Strings("name"));
        Assert.Equal(["Hoan Ton-That"], data.At("reversed").Strings("name"));
        Assert.Equal("Upsert New Org", data.At("created.name").GetString());
    }

    [Fact]
    public async Task A_plain_import_lets_go_of_settled_records_and_the_grains_answer_for_them()
    {
        await using var service = GraphServiceFactory.With(new Dictionary<string, string> { ["Graph:LoadSampleData"] = "false" }, null);
        var input = Mixed + "\n" + Mixed.Split('\n')[0];

        // One record at a time, remembering only the last: every reference and repeated id is answered by the grains.
        var report = await ImportAsync(service, input, new ImportOptions(Concurrency: 1, Remembered: 1));

        Assert.Equal(["4:INVALID_RECORD", "5:REQUIRED", "6:INVALID_RECORD", "7:UNKNOWN_ACTOR", "8:ID_TAKEN"], report.Problems.Select(p => $"{p.Line}:{p.Code}"));
        Assert.Equal((4, 1, 5), (report.Written, report.Unchanged, report.BadRecords));
        var thanks = Assert.Single(await service.Services.GetRequiredService<IGraphReader>().GetStatementsAsync(["s6"]));
        Assert.Equal("s1", thanks.RespondsToId);
    }

    [Fact]
    public async Task Export_import_into_an_empty_store_and_export_again_gives_the_same_lines()
    {
        await using var original = new GraphServiceFactory();
        (await original.PostAsync("""
            mutation { recordStatement(input: { id: "round-trip-retracted", kind: ACCUSE, speaker: { id: "aclu" }, addressees: [{ id: "amazon" }], quote: "A quote, \"quoted\".", summary: "Ünïcödé summary", saidOn: "2020-06-11", confidence: 0.5, sources: [{ url: "https://example.org/x", title: "T", publisher: "P", publishedOn: "2020-06-12", quoteStart: 3, quoteEnd: 9 }] }) { statement { id } } }
            """)).Data();
        (await original.PostAsync("""mutation { retractStatement(input: { id: "round-trip-retracted", reason: "Misattributed." }) { statement { id } } }""")).Data();
        var first = await ExportAsync(original);

        await using var copy = GraphServiceFactory.With(new Dictionary<string, string> { ["Graph:LoadSampleData"] = "false" }, null);
        var report = await ImportAsync(copy, string.Join('\n', first), new ImportOptions());
        var second = await ExportAsync(copy);

        Assert.Equal(0, report.BadRecords);
        Assert.Equal(first.Count, report.Written);
        Assert.Equal(first, second);
        Assert.Contains(second, l => l.Contains("\"retraction\":{\"reason\":\"Misattributed.\"}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_filtered_export_has_the_statements_it_picks_and_every_actor_they_involve()
    {
        await using var service = new GraphServiceFactory();

        var lines = new List<string>();
        await foreach (var line in new GraphExporter(service.Services.GetRequiredService<IGraphReader>())
            .ExportAsync(new StatementFilter(Kinds: [Abstractions.Statements.StatementKind.Appeal], HasExemplar: true), CancellationToken.None))
        {
            lines.Add(line);
        }

        Assert.Equal(
            ["organisation:aclu", "organisation:amazon", "organisation:ibm", "organisation:microsoft", "statement:aclu-urges-microsoft-to-follow-ibm-and-amazon"],
            lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).Select(r => $"{r.GetProperty("type").GetString()}:{r.GetProperty("id").GetString()}"));
    }

    [Fact]
    public async Task The_import_endpoint_takes_json_lines_only_and_answers_with_the_report()
    {
        await using var service = GraphServiceFactory.With(new Dictionary<string, string> { ["Graph:LoadSampleData"] = "false" }, null);
        using var client = service.CreateClient();

        using var form = await client.PostAsync("/import", new StringContent(Mixed, System.Text.Encoding.UTF8, "text/plain"));
        using var content = new StringContent(Mixed, System.Text.Encoding.UTF8);
        content.Headers.ContentType = new("application/x-ndjson");
        using var response = await client.PostAsync("/import?dryRun=true", content);
        var report = await response.Content.ReadFromJsonAsync<ImportReport>(TransferEndpoints.Json);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(MixedProblems, report!.Problems.Select(p => $"{p.Line}:{p.Code}"));
        Assert.True(report.DryRun);
    }

    [Fact]
    public async Task CSV_files_import_like_their_json_lines()
    {
        using var folder = new ScratchDirectory();
        await File.WriteAllTextAsync(folder.File("organisations.csv"), """
            id,name,kind,aliases,parent,externalIds
            csv-parent,CSV Parent Org,NGO,CPO;Parent,,wikidata:Q1
            csv-child,CSV Child Org,NGO,,csv-parent,
            """);
        await File.WriteAllTextAsync(folder.File("people.csv"), """
            id,name,aliases,affiliations
            csv-person,CSV Person,,csv-child|Director|2019|
            """);
        await File.WriteAllTextAsync(folder.File("statements.csv"), """
            id,kind,speaker,onBehalfOf,addressees,topics,summary,saidOn,sources,retracted,retractionReason
            csv-s1,APPEAL,csv-person,csv-child,csv-parent,privacy;drones,"Asks, politely.",2021-03,https://example.org/a|A title|Paper|2021-03-02,,
            csv-s2,NOT_A_KIND,csv-person,,,,Bad.,,||Paper|,,
            csv-s3,DEMAND,csv-person,,csv-parent,,Demands.,2021-04,||Paper|,true,Wrong speaker
            """);
        await using var service = GraphServiceFactory.With(new Dictionary<string, string> { ["Graph:LoadSampleData"] = "false" }, null);

        var report = await new GraphImporter(service.Services.GetRequiredService<IGrainFactory>())
            .ImportAsync(CsvSource.FromPaths([folder.Path]), new ImportOptions(), new LineProgress(TextWriter.Null), CancellationToken.None);
        await service.Services.GetRequiredService<Projector>().WaitForAsync(report.Position);
        var reader = service.Services.GetRequiredService<IGraphReader>();
        var appeal = Assert.Single(await reader.GetStatementsAsync(["csv-s1"]));
        var demand = Assert.Single(await reader.GetStatementsAsync(["csv-s3"]));
        var person = Assert.IsType<PersonView>(Assert.Single(await reader.GetActorsAsync(["csv-person"])));

        Assert.Equal(["statements.csv:3:INVALID_RECORD"], report.Problems.Select(p => $"{p.Source}:{p.Line}:{p.Code}"));
        Assert.Equal(5, report.Written);
        Assert.Equal(("Asks, politely.", "csv-child", "A title"), (appeal.Summary, appeal.OnBehalfOfId, appeal.Sources[0].Title));
        Assert.Equal(["privacy", "drones"], appeal.Topics.Select(t => t.Name));
        Assert.Equal("Wrong speaker", demand.Retraction?.Reason);
        Assert.Equal(("csv-child", "Director"), (person.Affiliations[0].OrganisationId, person.Affiliations[0].Role));
    }

    [Fact]
    public async Task A_log_with_a_parent_cycle_written_before_cycles_were_refused_still_exports_every_organisation()
    {
        await using var service = GraphServiceFactory.With(new Dictionary<string, string> { ["Graph:LoadSampleData"] = "false" }, null);
        var events = service.Services.GetRequiredService<IEventStore>();
        Abstractions.Events.GraphEvent[] written =
        [
            new Abstractions.Organisations.OrganisationRegistered("loop-a", "Loop A", Abstractions.Organisations.OrganisationKind.Company, [], null, []),
            new Abstractions.Organisations.OrganisationRegistered("loop-b", "Loop B", Abstractions.Organisations.OrganisationKind.Company, [], "loop-a", []),
            new Abstractions.Organisations.OrganisationRegistered("loop-c", "Loop C", Abstractions.Organisations.OrganisationKind.Company, [], "loop-b", []),
        ];
        foreach (var graphEvent in written)
        {
            Assert.True((await events.AppendAsync($"organisation-{((Abstractions.Organisations.OrganisationEvent)graphEvent).OrganisationId}", 0, [graphEvent])).Succeeded);
        }

        Assert.True((await events.AppendAsync("organisation-loop-a", 1, [new Abstractions.Organisations.OrganisationParentChanged("loop-a", "loop-c", null)])).Succeeded);
        await service.Services.GetRequiredService<Projector>().WaitForAsync(events.HeadPosition);

        var export = await ExportAsync(service).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["loop-a", "loop-b", "loop-c"], export.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).Order());
    }

    private static async Task<List<string>> ExportAsync(GraphServiceFactory service)
    {
        var lines = new List<string>();
        await foreach (var line in new GraphExporter(service.Services.GetRequiredService<IGraphReader>()).ExportAsync(null, CancellationToken.None))
        {
            lines.Add(line);
        }

        return lines;
    }
}
