using System.Globalization;
using System.Xml.Linq;
using Graph.Api.Tests.Transfer;
using Graph.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Graph.Api.Tests.Browser;

/// <summary>
/// The network explorer in a real browser (Debian's Chromium, driven by Playwright) against the service as a user starts
/// it, on the sample data, with every host but this machine's blocked; used the way an analyst would, through the lists
/// beside the canvas that keyboards and screen readers use too.
/// </summary>
public sealed class ExplorerBrowserTests(ITestOutputHelper output)
{
    private static readonly XNamespace Gexf = "http://gexf.net/1.3";

    [SkippableFact]
    public async Task An_analyst_finds_Nicole_Ozer_expands_Amazon_reads_her_demand_and_downloads_the_view()
    {
        await using var browser = await OfflineBrowser.LaunchAsync();
        using var data = new ScratchDirectory();
        await using var service = await ServiceProcess.StartAsync(data.Path);
        var page = browser.Page;
        await page.GotoAsync(new Uri(service.BaseAddress, "/explore").ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });

        // The search box is the page's first field, and has the focus.
        Assert.Equal("search", await page.EvaluateAsync<string>("document.querySelector('input, select, textarea, button, a[href]').id"));
        await Assertions.Expect(page.Locator("input[type=search]")).ToBeFocusedAsync();

        // Suggestions come as one types; Enter opens the best match.
        await page.Keyboard.TypeAsync("nicole oz");
        await Assertions.Expect(page.Locator("#suggestions [role=option]").First).ToContainTextAsync("Nicole Ozer");
        await page.Keyboard.PressAsync("Enter");
        var actors = page.Locator("#actor-list");
        await Assertions.Expect(actors).ToContainTextAsync("ACLU of Northern California");
        await Assertions.Expect(actors).ToContainTextAsync("Amazon");
        Assert.Equal(1.0, await page.EvaluateAsync<double>("performance.getEntriesByName('explorer:draw').length"));

        // Amazon's own network joins in: its chief and whom it supported were not in Nicole Ozer's.
        await page.Locator("button[aria-label='Expand Amazon']").ClickAsync();
        await Assertions.Expect(actors).ToContainTextAsync("Jeff Bezos");
        await Assertions.Expect(actors).ToContainTextAsync("Black Lives Matter");
        var expanded = await browser.ScreenshotAsync("explorer.png");

        // Only demands: every statement listed is one, and the actors linked by nothing else leave the view.
        await page.Locator("#kinds button[data-select=none]").ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Demand", Exact = true }).CheckAsync();
        var statements = page.Locator("#statement-list li");
        await Assertions.Expect(statements.First).ToContainTextAsync("DEMAND");
        var listed = await statements.AllInnerTextsAsync();
        Assert.All(listed, text => Assert.StartsWith("DEMAND", text, StringComparison.Ordinal));
        await Assertions.Expect(actors).Not.ToContainTextAsync("Black Lives Matter");

        // The demand's card: the quote, who spoke for whom, to whom, about whom, when and where it was reported.
        await statements.Filter(new() { HasText = "moratorium" }).First.Locator("button").ClickAsync();
        var card = page.Locator("#card");
        await Assertions.Expect(card.Locator("blockquote")).ToContainTextAsync("blanket moratorium");
        await Assertions.Expect(card).ToContainTextAsync("ACLU of Northern California");
        await Assertions.Expect(card).ToContainTextAsync("United States Congress");
        await Assertions.Expect(card).ToContainTextAsync("2020-06 (known to the month)");
        await Assertions.Expect(card).ToContainTextAsync("GeekWire");

        // The view as GEXF 1.3 and GraphML: valid, and holding what is on screen, demands only.
        var gexf = await DownloadAsync(page, "#download-gexf");
        ExportSchemas.ValidateGexf(gexf);
        var gexfDocument = XDocument.Parse(gexf);
        var nodeIds = gexfDocument.Descendants(Gexf + "node").Select(n => (string)n.Attribute("id")!).ToList();
        Assert.Contains("nicole-ozer", nodeIds);
        Assert.Contains("amazon", nodeIds);
        Assert.DoesNotContain("black-lives-matter", nodeIds);
        var kinds = gexfDocument.Descendants(Gexf + "edge").Select(e => (string?)e.Attribute("kind")).Where(k => k is not null).Distinct().ToList();
        Assert.Equal(["DEMAND"], kinds);
        Assert.Contains(gexfDocument.Descendants(Gexf + "spell"), s => (string?)s.Attribute("start") == "2020-06-01" && (string?)s.Attribute("end") == "2020-06-30");
        ExportSchemas.ValidateGraphML(await DownloadAsync(page, "#download-graphml"));
        var png = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-png").ClickAsync());
        await using (var image = await png.CreateReadStreamAsync())
        {
            var magic = new byte[8];
            await image.ReadExactlyAsync(magic);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], magic[..4]);
        }

        // The view as a query in GraphiQL, for both networks drawn.
        var graphiQL = await page.Locator("#open-graphiql").GetAttributeAsync("href");
        Assert.StartsWith("graphiql?query=", graphiQL, StringComparison.Ordinal);
        var query = Uri.UnescapeDataString(graphiQL!["graphiql?query=".Length..]);
        Assert.Contains("neighbourhood(actor: { id: \"nicole-ozer\" })", query, StringComparison.Ordinal);
        Assert.Contains("neighbourhood(actor: { id: \"amazon\" })", query, StringComparison.Ordinal);

        var draw = await page.EvaluateAsync<double>("performance.getEntriesByName('explorer:draw')[0].duration");
        output.WriteLine($"Drawn {draw.ToString("0", CultureInfo.InvariantCulture)} ms after the data arrived; screenshots {expanded}, {await browser.ScreenshotAsync("explorer-demand.png")}");
        browser.AssertStayedOfflineWithoutProblems();
    }

    [SkippableFact]
    public async Task Paths_between_two_actors_are_drawn_and_listed()
    {
        await using var browser = await OfflineBrowser.LaunchAsync();
        using var data = new ScratchDirectory();
        await using var service = await ServiceProcess.StartAsync(data.Path);
        var page = browser.Page;
        await page.GotoAsync(new Uri(service.BaseAddress, "/explore?actor=nicole-ozer").ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.Locator("#actor-list")).ToContainTextAsync("Amazon");

        await page.Locator("#path-from").FillAsync("Nicole Ozer");
        await page.Locator("#path-to").FillAsync("Microsoft");
        await page.Locator("#paths-form button[type=submit]").ClickAsync();

        var paths = page.Locator("#path-list li");
        await Assertions.Expect(paths.First).ToContainTextAsync("Nicole Ozer");
        await Assertions.Expect(paths.First).ToContainTextAsync("Microsoft");
        await Assertions.Expect(page.Locator("#actor-list")).ToContainTextAsync("Microsoft");
        browser.AssertStayedOfflineWithoutProblems();
    }

    private static async Task<string> DownloadAsync(IPage page, string button)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(button).ClickAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
