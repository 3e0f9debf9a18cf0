using System.Net;
using System.Xml.Linq;

namespace Graph.Api.Tests.Transfer;

/// <summary>Graph exports for visualisation tools, validated against the formats' own schemas.</summary>
public sealed class GraphExportTests
{
    private static readonly XNamespace GraphML = "http://graphml.graphdrawing.org/xmlns";

    [Theory]
    [InlineData("statements", "")]
    [InlineData("actors", "")]
    [InlineData("statements", "&kinds=DEMAND&actor=amazon")]
    [InlineData("actors", "&kinds=APPEAL,DEMAND")]
    public async Task GraphML_of_the_sample_data_is_valid_against_the_GraphML_schema(string shape, string filter)
    {
        await using var service = new GraphServiceFactory();
        using var client = service.CreateClient();

        using var response = await client.GetAsync($"/export?format=graphml&shape={shape}{filter}");
        var xml = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphml+xml", response.Content.Headers.ContentType?.MediaType);
        Validate(xml);
        Assert.NotEmpty(XDocument.Parse(xml).Descendants(GraphML + "edge"));
    }

    [Fact]
    public async Task The_statements_shape_joins_each_statement_to_its_actors_by_role()
    {
        await using var service = new GraphServiceFactory();
        using var client = service.CreateClient();

        var graph = XDocument.Parse(await client.GetStringAsync("/export?format=graphml"));

        var edges = graph.Descendants(GraphML + "edge")
            .Where(e => (string?)e.Attribute("source") == "statement:aclu-urges-microsoft-to-follow-ibm-and-amazon")
            .Select(e => $"{e.Elements(GraphML + "data").Single(d => (string?)d.Attribute("key") == "role").Value} {e.Attribute("target")!.Value}")
            .Order()
            .ToList();
        Assert.Contains("SPEAKER actor:aclu", edges);
        Assert.Contains("ADDRESSEE actor:microsoft", edges);
        Assert.Contains("EXEMPLAR actor:ibm", edges);
        Assert.Contains("EXEMPLAR actor:amazon", edges);
    }

    [Fact]
    public async Task The_actors_shape_has_one_weighted_edge_per_kind_between_two_actors()
    {
        await using var service = new GraphServiceFactory();
        using var client = service.CreateClient();

        var graph = XDocument.Parse(await client.GetStringAsync("/export?format=graphml&shape=actors"));

        string Data(XElement element, string key) => element.Elements(GraphML + "data").Single(d => (string?)d.Attribute("key") == key).Value;
        var urged = graph.Descendants(GraphML + "edge")
            .Single(e => e.Attribute("source")!.Value == "actor:aclu" && e.Attribute("target")!.Value == "actor:microsoft" && Data(e, "kind") == "APPEAL");
        Assert.Equal("1", Data(urged, "weight"));
        Assert.Equal("2020-06", Data(urged, "firstSaidOn"));
        Assert.DoesNotContain(graph.Descendants(GraphML + "node"), n => n.Attribute("id")!.Value.StartsWith("statement:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Text_XML_cannot_hold_is_left_out_and_the_file_stays_valid()
    {
        await using var service = new GraphServiceFactory();
        using var client = service.CreateClient();
        (await service.PostAsync("""
            mutation { recordStatement(input: { id: "odd-text", kind: CRITICISE, speaker: { id: "aclu" }, addressees: [{ id: "amazon" }],
              quote: "a \uFFFE b <c> & \"d\" \ud83d\ude00", sources: [{ publisher: "Test" }] }) { statement { id } } }
            """)).Data();

        var xml = await client.GetStringAsync("/export?format=graphml&actor=aclu");
        var gexf = await client.GetStringAsync("/export?format=gexf&actor=aclu");

        Validate(xml);
        ValidateGexf(gexf);
        Assert.Contains("a  b <c> & \"d\" \ud83d\ude00", XDocument.Parse(xml).Descendants(GraphML + "data").Select(d => d.Value));
    }

    [Theory]
    [InlineData("statements", "")]
    [InlineData("actors", "")]
    [InlineData("statements", "&kinds=DEMAND&actor=amazon")]
    [InlineData("actors", "&saidFrom=2020-06")]
    public async Task GEXF_of_the_sample_data_is_valid_GEXF_1_3_with_every_edge_between_nodes_and_dated_spells(string shape, string filter)
    {
        await using var service = new GraphServiceFactory();
        using var client = service.CreateClient();

        using var response = await client.GetAsync($"/export?format=gexf&shape={shape}{filter}");
        var xml = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/gexf+xml", response.Content.Headers.ContentType?.MediaType);
        ValidateGexf(xml);
        XNamespace gexf = "http://gexf.net/1.3";
        var graph = XDocument.Parse(xml);
        var nodes = graph.Descendants(gexf + "node").Select(n => n.Attribute("id")!.Value).ToHashSet();
        var edges = graph.Descendants(gexf + "edge").ToList();
        Assert.NotEmpty(edges);
        Assert.All(edges, e => Assert.True(nodes.Contains(e.Attribute("source")!.Value) && nodes.Contains(e.Attribute("target")!.Value), e.ToString()));
        Assert.Equal("dynamic", graph.Descendants(gexf + "graph").Single().Attribute("mode")?.Value);
        Assert.Contains(edges, e => e.Descendants(gexf + "spell").Any(spell => spell.Attribute("start")!.Value.StartsWith("2020-06", StringComparison.Ordinal)));
        Assert.All(edges, e => Assert.NotNull(e.Element(gexf + "color")));
    }

    [Fact]
    public async Task Every_format_streams_a_store_larger_than_any_writer_buffer_over_HTTP_which_refuses_synchronous_writes()
    {
        await using var service = GraphServiceFactory.With(new Dictionary<string, string> { ["Graph:LoadSampleData"] = "false" }, null);
        using var client = service.CreateClient();
        var quote = new string('q', 400);
        var records = Enumerable.Range(0, 1_500).Select(i =>
            $$"""{"type":"statement","id":"bulk-{{i}}","kind":"CRITICISE","speaker":{"id":"bulk-a"},"addressees":[{"id":"bulk-b"}],"quote":"{{quote}} {{i}}","sources":[{"publisher":"P{{i}}"}]}""")
            .Prepend("""{"type":"organisation","id":"bulk-b","name":"Bulk B","kind":"NGO"}""")
            .Prepend("""{"type":"organisation","id":"bulk-a","name":"Bulk A","kind":"NGO"}""");
        using var import = await client.PostAsync("/import", new StringContent(string.Join("\n", records), System.Text.Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);

        foreach (var format in new[] { "graphml", "gexf", "cytoscape", "kumu" })
        {
            using var response = await client.GetAsync($"/export?format={format}");
            var body = await response.Content.ReadAsByteArrayAsync();

            Assert.True(HttpStatusCode.OK == response.StatusCode, $"{format}: {response.StatusCode}");
            var statements = format switch
            {
                "graphml" or "gexf" => XDocument.Load(new MemoryStream(body)).Descendants().Count(e => e.Name.LocalName == "node" && e.Attribute("id")!.Value.StartsWith("statement:", StringComparison.Ordinal)),
                "cytoscape" => System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("elements").GetProperty("nodes").EnumerateArray()
                    .Count(n => n.GetProperty("data").GetProperty("id").GetString()!.StartsWith("statement:", StringComparison.Ordinal)),
                _ => new StreamReader(new System.IO.Compression.ZipArchive(new MemoryStream(body)).GetEntry("elements.csv")!.Open()).ReadToEnd()
                    .Split('\n').Count(line => line.StartsWith("statement:", StringComparison.Ordinal)),
            };
            Assert.True(statements == 1_500, $"{format}: {statements} statements in {body.Length} bytes");
        }
    }

    [Theory]
    [InlineData("aclu-northern-california")]
    [InlineData("ACLU of Northern California")]
    [InlineData("  aclu  of northern  CALIFORNIA ")]
    public async Task The_actor_filter_takes_an_id_or_a_name_as_GraphQL_does(string actor)
    {
        await using var service = new GraphServiceFactory();
        using var client = service.CreateClient();

        var graph = XDocument.Parse(await client.GetStringAsync("/export?format=graphml&actor=" + Uri.EscapeDataString(actor)));
        using var unknown = await client.GetAsync("/export?format=graphml&actor=Nobody%20Known");

        var statements = graph.Descendants(GraphML + "node").Select(n => n.Attribute("id")!.Value).Where(id => id.StartsWith("statement:", StringComparison.Ordinal)).ToList();
        Assert.Contains("statement:ozer-demands-blanket-moratorium", statements);
        Assert.DoesNotContain("statement:ibm-winds-down-facial-recognition", statements);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("No actor has the id, name or alias 'Nobody Known'", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("format=pdf")]
    [InlineData("format=graphml&shape=circles")]
    [InlineData("format=jsonl&shape=actors")]
    public async Task An_unknown_format_or_shape_is_a_400_that_lists_them_never_JSON_Lines(string query)
    {
        await using var service = new GraphServiceFactory();
        using var client = service.CreateClient();

        using var response = await client.GetAsync("/export?" + query);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("jsonl", body, StringComparison.Ordinal);
        Assert.Contains("graphml", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"type\":\"organisation\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<edge source="a" target="nowhere"/>""")]
    [InlineData("""<node id="b"><data key="unknown">x</data></node>""")]
    public void The_validator_itself_refuses_an_edge_to_no_node_and_data_under_no_key(string content)
    {
        var xml = $"""<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"><node id="a"/>{content}</graph></graphml>""";

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Validate(xml));
    }

    [Theory]
    [InlineData("""<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node label="no id"/></nodes><edges/></graph></gexf>""")]
    [InlineData("""<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><edges/><nodes/></graph></gexf>""")]
    [InlineData("""<gexf xmlns="http://gexf.net/1.3" version="1.2"><graph><nodes/><edges/></graph></gexf>""")]
    public void The_GEXF_validator_itself_refuses_what_GEXF_1_3_does_not_allow(string xml) =>
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => ValidateGexf(xml));

    private static void ValidateGexf(string xml) => ExportSchemas.ValidateGexf(xml);

    private static void Validate(string xml) => ExportSchemas.ValidateGraphML(xml);
}
