using Graph.Testing;
using Microsoft.Playwright;

namespace Graph.Api.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright, with every host but this machine's blocked, recording what a page asked of
/// other hosts and every problem it had (console errors and warnings, page errors, failed requests, 4xx/5xx answers).
/// </summary>
public sealed class OfflineBrowser : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly string[] LoopbackHosts = ["127.0.0.1", "localhost", "[::1]"];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private OfflineBrowser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    /// <summary>The page, 1680 × 960.</summary>
    public IPage Page { get; }

    /// <summary>Every request the page made to a host other than this machine.</summary>
    public HashSet<string> OffHost { get; } = [];

    /// <summary>Every problem the page had.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Starts the browser, or skips the test (fails it where every suite is required) when Chromium is not installed.</summary>
    public static async Task<OfflineBrowser> LaunchAsync()
    {
        Requirements.Require(File.Exists(Chromium), "chromium: apt-get install chromium");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
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
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1680, Height = 960 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var offline = new OfflineBrowser(playwright, browser, page);
        await page.RouteAsync("**/*", route => IsLoopback(route.Request.Url) ? route.ContinueAsync() : route.AbortAsync("blockedbyclient"));
        page.Request += (_, request) =>
        {
            // Recorded here rather than in the route, so a request that the page's CSP stops first is counted too.
            if (!IsLoopback(request.Url))
            {
                offline.OffHost.Add(request.Url);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                offline.Problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => offline.Problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) => offline.Problems.Add($"request failed: {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                offline.Problems.Add($"{response.Status} {response.Url}");
            }
        };
        return offline;
    }

    /// <summary>Saves a screenshot beside the tests, and into <c>docs/</c> when <c>UPDATE_SCREENSHOTS=1</c>.</summary>
    public async Task<string> ScreenshotAsync(string fileName)
    {
        var screenshot = Path.Combine(AppContext.BaseDirectory, fileName);
        await Page.ScreenshotAsync(new() { Path = screenshot });
        if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1")
        {
            var docsCopy = Path.Combine(Repository.Root, "docs", fileName);
            Directory.CreateDirectory(Path.GetDirectoryName(docsCopy)!);
            File.Copy(screenshot, docsCopy, overwrite: true);
        }

        return screenshot;
    }

    /// <summary>Fails unless the page stayed on this machine and had no problems.</summary>
    public void AssertStayedOfflineWithoutProblems()
    {
        Assert.True(OffHost.Count == 0, $"The page asked for other hosts:\n{string.Join('\n', OffHost)}");
        Assert.True(Problems.Count == 0, $"The page had problems:\n{string.Join('\n', Problems)}");
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private static bool IsLoopback(string url) =>
        !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "ws" or "wss")
        || LoopbackHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase);
}
