using System.Diagnostics;
using Graph.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Graph.Api.Tests.Browser;

/// <summary>
/// GraphiQL in a real browser (Debian's Chromium, driven by Playwright) against the service as a user starts it, with
/// every host but this machine's blocked: the page must need nothing from the internet.
/// </summary>
public sealed class GraphiQLBrowserTests(ITestOutputHelper output)
{
    private const string HeadlineAnswer = "American Civil Liberties Union";

    [SkippableFact]
    public async Task GraphiQL_loads_offline_shows_the_schema_docs_and_runs_the_headline_question()
    {
        var clock = Stopwatch.StartNew();
        await using var browser = await OfflineBrowser.LaunchAsync();
        using var data = new ScratchDirectory();
        await using var service = await ServiceProcess.StartAsync(data.Path);
        var page = browser.Page;

        await page.GotoAsync(new Uri(service.BaseAddress, "/graphiql").ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });

        // The docs list the schema's types once introspection has answered.
        var docs = page.Locator(".graphiql-doc-explorer");
        await Assertions.Expect(docs).ToContainTextAsync("StatementKind", new() { Timeout = 30_000 });
        var tabs = page.Locator(".graphiql-tab");
        await Assertions.Expect(tabs).ToHaveCountAsync(3);
        await Assertions.Expect(tabs.First).ToContainTextAsync("WhoUrgedWhomToFollowWhom");

        await page.Locator(".graphiql-execute-button").ClickAsync();
        await Assertions.Expect(page.Locator(".result-window")).ToContainTextAsync(HeadlineAnswer, new() { Timeout = 30_000 });

        var screenshot = await browser.ScreenshotAsync("graphiql.png");
        output.WriteLine($"Screenshot: {screenshot}; {clock.Elapsed.TotalSeconds:0.0} s with the service's start.");
        browser.AssertStayedOfflineWithoutProblems();
    }
}
