using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Graph.Testing;

namespace Graph.Api.Tests.Transfer;

/// <summary>Cytoscape.js exports: checked here for their structure, and loaded into Cytoscape.js itself on Node.js.</summary>
public sealed class CytoscapeExportTests
{
    private const string Install = "Node.js 20 or later on PATH and Cytoscape.js: npm ci --prefix tools/cytoscape-check";

    private static readonly string[] Queries =
    [
        "format=cytoscape",
        "format=cytoscape&shape=actors",
        "format=cytoscape-compound",
        "format=cytoscape-compound&shape=actors&kinds=APPEAL,DEMAND,CRITICISE",
        "format=cytoscape&actor=aclu-northern-california",
    ];

    public static TheoryData<string> Exports => new(Queries);

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task Every_edge_joins_two_nodes_every_parent_is_a_node_and_no_id_repeats(string query)
    {
        await using var service = new GraphServiceFactory();
        using var client = service.CreateClient();

        using var response = await client.GetAsync("/export?" + query);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var elements = document.RootElement.GetProperty("elements");
        var nodes = elements.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("data")).ToList();
        var edges = elements.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("data")).ToList();
        var nodeIds = nodes.Select(n => n.GetProperty("id").GetString()!).ToHashSet();
        Assert.Equal(nodes.Count, nodeIds.Count);
        Assert.Equal(edges.Count, edges.Select(e => e.GetProperty("id").GetString()).Distinct().Count());
        Assert.NotEmpty(edges);
        Assert.All(edges, e => Assert.True(nodeIds.Contains(e.GetProperty("source").GetString()!) && nodeIds.Contains(e.GetProperty("target").GetString()!), e.ToString()));
        Assert.All(nodes.Where(n => n.TryGetProperty("parent", out _)), n => Assert.Contains(n.GetProperty("parent").GetString()!, nodeIds));
    }

    [Fact]
    public async Task Compound_draws_a_part_inside_its_organisation_instead_of_an_edge_to_it()
    {
        await using var service = new GraphServiceFactory();
        using var client = service.CreateClient();

        using var flat = JsonDocument.Parse(await client.GetStringAsync("/export?format=cytoscape"));
        using var compound = JsonDocument.Parse(await client.GetStringAsync("/export?format=cytoscape-compound"));

        static JsonElement Data(JsonDocument d, string group, Func<JsonElement, bool> match) =>
            d.RootElement.GetProperty("elements").GetProperty(group).EnumerateArray().Select(e => e.GetProperty("data")).Single(match);
        Assert.Equal("PART_OF", Data(flat, "edges", e => e.GetProperty("source").GetString() == "actor:aclu-northern-california" && e.GetProperty("target").GetString() == "actor:aclu").GetProperty("role").GetString());
        Assert.Equal("actor:aclu", Data(compound, "nodes", n => n.GetProperty("id").GetString() == "actor:aclu-northern-california").GetProperty("parent").GetString());
        Assert.DoesNotContain(compound.RootElement.GetProperty("elements").GetProperty("edges").EnumerateArray(),
            e => e.GetProperty("data").TryGetProperty("role", out var role) && role.GetString() == "PART_OF" && e.GetProperty("data").GetProperty("source").GetString() == "actor:aclu-northern-california");
    }

    [SkippableFact]
    public async Task Cytoscape_js_loads_every_export_of_the_sample_data_and_refuses_a_broken_one()
    {
        var checker = Path.Combine(Repository.Root, "tools", "cytoscape-check", "check.mjs");
        Requirements.Require(Directory.Exists(Path.Combine(Repository.Root, "tools", "cytoscape-check", "node_modules", "cytoscape")) && await NodeRunsAsync(), Install);
        await using var service = new GraphServiceFactory();
        using var client = service.CreateClient();
        using var scratch = new ScratchDirectory();
        var files = new List<string>();
        foreach (var (query, index) in Queries.Select((q, i) => (q, i)))
        {
            files.Add(scratch.File($"export-{index}.json"));
            await File.WriteAllTextAsync(files[^1], await client.GetStringAsync("/export?" + query));
        }

        var broken = scratch.File("broken.json");
        await File.WriteAllTextAsync(broken, """{"elements": {"nodes": [{"data": {"id": "a"}}], "edges": [{"data": {"id": "e1", "source": "a", "target": "nowhere"}}]}}""");

        var (code, output) = await NodeAsync([checker, .. files]);
        var (brokenCode, brokenOutput) = await NodeAsync([checker, broken]);

        Assert.True(code == 0, output);
        Assert.Equal(files.Count, output.Split('\n').Count(l => l.Contains(" nodes (", StringComparison.Ordinal)));
        Assert.Equal(1, brokenCode);
        Assert.Contains("edge e1: target nowhere is not a node", brokenOutput, StringComparison.Ordinal);
    }

    private static async Task<bool> NodeRunsAsync()
    {
        try
        {
            return (await NodeAsync(["--version"])).Code == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static async Task<(int Code, string Output)> NodeAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await errors);
    }
}
