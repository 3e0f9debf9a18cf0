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
    private const string Chromium = "/usr/bin/chromium";
    private const string HeadlineAnswer = "American Civil Liberties Union";
    private static readonly string[] LoopbackHosts = ["127.0.0.1", "localhost", "[::1]"];

    [SkippableFact]
    public async Task GraphiQL_loads_offline_shows_the_schema_docs_and_runs_the_headline_question()
    {
        Requirements.Require(File.Exists(Chromium), "chromium: apt-get install chromium");
        var clock = Stopwatch.StartNew();
        using var data = new ScratchDirectory();
        await using var service = await ServiceProcess.StartAsync(data.Path);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                // Beneath the routing below: no name but the loopback's even resolves, so nothing can leave the machine.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
            ],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1680, Height = 960 } });

        var offHost = new HashSet<string>();
        var problems = new List<string>();
        await page.RouteAsync("**/*", route => IsLoopback(route.Request.Url) ? route.ContinueAsync() : route.AbortAsync("blockedbyclient"));
        page.Request += (_, request) =>
        {
            // Recorded here rather than in the route, so a request that the page's CSP stops first is counted too.
            if (!IsLoopback(request.Url))
            {
                offHost.Add(request.Url);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{response.Status} {response.Url}");
            }
        };

        await page.GotoAsync(new Uri(service.BaseAddress, "/graphiql").ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });

        // The docs list the schema's types once introspection has answered.
        var docs = page.Locator(".graphiql-doc-explorer");
        await Assertions.Expect(docs).ToContainTextAsync("StatementKind", new() { Timeout = 30_000 });
        var tabs = page.Locator(".graphiql-tab");
        await Assertions.Expect(tabs).ToHaveCountAsync(3);
        await Assertions.Expect(tabs.First).ToContainTextAsync("WhoUrgedWhomToFollowWhom");

        await page.Locator(".graphiql-execute-button").ClickAsync();
        await Assertions.Expect(page.Locator(".result-window")).ToContainTextAsync(HeadlineAnswer, new() { Timeout = 30_000 });

        var screenshot = Path.Combine(AppContext.BaseDirectory, "graphiql.png");
        await page.ScreenshotAsync(new() { Path = screenshot });
        output.WriteLine($"Screenshot: {screenshot}; {clock.Elapsed.TotalSeconds:0.0} s with the service's start.");
        if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1")
        {
            var docsCopy = Path.Combine(Repository.Root, "docs", "graphiql.png");
            Directory.CreateDirectory(Path.GetDirectoryName(docsCopy)!);
            File.Copy(screenshot, docsCopy, overwrite: true);
        }

        Assert.True(offHost.Count == 0, $"The page asked for other hosts:\n{string.Join('\n', offHost)}");
        Assert.True(problems.Count == 0, $"The page had problems:\n{string.Join('\n', problems)}");
    }

    private static bool IsLoopback(string url) =>
        !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "ws" or "wss")
        || LoopbackHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase);
}
