using System.Globalization;
using System.IO.Compression;
using System.Net;
using CsvHelper;

namespace Graph.Api.Tests.Transfer;

/// <summary>Kumu's spreadsheet import: a ZIP of elements.csv and connections.csv, connections naming elements by ID.</summary>
public sealed class KumuExportTests
{
    [Theory]
    [InlineData("")]
    [InlineData("&shape=actors")]
    [InlineData("&kinds=DEMAND&actor=Amazon")]
    public async Task The_ZIP_holds_elements_and_connections_and_every_connection_joins_two_elements(string query)
    {
        await using var service = new GraphServiceFactory();
        using var client = service.CreateClient();

        using var response = await client.GetAsync("/export?format=kumu" + query);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        var elements = Read(zip.GetEntry("elements.csv")!);
        var connections = Read(zip.GetEntry("connections.csv")!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["elements.csv", "connections.csv"], zip.Entries.Select(e => e.FullName));
        Assert.Equal("ID", elements[0][0]);
        Assert.Equal(["ID", "From", "To"], connections[0][..3]);
        var ids = elements.Skip(1).Select(e => e[0]).ToHashSet();
        Assert.Equal(elements.Count - 1, ids.Count);
        Assert.NotEmpty(connections.Skip(1));
        Assert.All(connections.Skip(1), c => Assert.True(ids.Contains(c[1]) && ids.Contains(c[2]), string.Join(",", c)));
    }

    [Fact]
    public async Task Quotes_commas_and_line_breaks_in_text_survive_the_round_trip_through_CSV()
    {
        await using var service = new GraphServiceFactory();
        using var client = service.CreateClient();
        (await service.PostAsync("""
            mutation { recordStatement(input: { id: "csv-text", kind: CRITICISE, speaker: { id: "aclu" }, addressees: [{ id: "amazon" }],
              quote: "one, \"two\"\nthree", sources: [{ publisher: "Test" }] }) { statement { id } } }
            """)).Data();

        using var zip = new ZipArchive(await client.GetStreamAsync("/export?format=kumu&actor=aclu"), ZipArchiveMode.Read);
        var elements = Read(zip.GetEntry("elements.csv")!);

        var quoteColumn = Array.IndexOf(elements[0], "Quote");
        Assert.Equal("one, \"two\"\nthree", elements.Single(e => e[0] == "statement:csv-text")[quoteColumn]);
    }

    private static List<string[]> Read(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        using var csv = new CsvParser(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(csv.Record!);
        }

        return rows;
    }
}
