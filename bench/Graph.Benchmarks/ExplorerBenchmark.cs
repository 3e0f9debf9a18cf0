using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Graph.Benchmarks;

/// <summary>
/// The explorer on a store an earlier run imported: the server's time for the neighbourhoods the explorer asks for
/// (opening an actor, expanding one), beside the same neighbourhood with the actors' ids alone; and in Debian's
/// Chromium, the explorer's own performance marks from its data's arrival to the painted network, beside bare
/// Cytoscape.js drawing the same elements in the same page.
/// </summary>
public static class ExplorerBenchmark
{
    private const string Chromium = "/usr/bin/chromium";

    // The explorer's own query (explorer.js, NEIGHBOURHOOD and NETWORK_FIELDS), and the same network's ids alone.
    private const string Neighbourhood = """
        query Neighbourhood($actor: ActorRefInput!, $first: Int) {
          neighbourhood(actor: $actor, first: $first) {
            truncated
            nodes { id name __typename ... on Organisation { kind } }
            edges { id type source target kind saidOn role targetRole statementId statement { summary quote } }
          }
        }
        """;

    private const string IdsOnly = """
        query Ids($actor: ActorRefInput!, $first: Int) {
          neighbourhood(actor: $actor, first: $first) { truncated nodes { id } edges { source target } }
        }
        """;

    // Bare Cytoscape.js in the explorer's page: the same query, its elements added and laid out concentrically, timed
    // from the data's arrival to the second animation frame after, as the explorer times itself.
    private const string BareCytoscape = """
        async ([query, variables]) => {
          const response = await fetch('graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query, variables }) });
          const { data } = await response.json();
          const started = performance.now();
          const container = document.createElement('div');
          container.style.cssText = 'position:absolute;left:0;top:0;width:900px;height:800px;visibility:hidden';
          document.body.append(container);
          const elements = [
            ...data.neighbourhood.nodes.map((n) => ({ group: 'nodes', data: { id: n.id, label: n.name } })),
            ...data.neighbourhood.edges.map((e) => ({ group: 'edges', data: { id: e.id, source: e.source, target: e.target } })),
          ];
          const cy = cytoscape({ container, elements, style: [{ selector: 'node', style: { label: 'data(label)' } }] });
          cy.layout({ name: 'concentric', animate: false }).run();
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          const took = performance.now() - started;
          cy.destroy();
          container.remove();
          return took;
        }
        """;

    /// <param name="drawingOnly">Only the drawing in Chromium, not the server's times.</param>
    public static async Task<string> RunAsync(string folder, int statements, bool drawingOnly = false)
    {
        var (service, _) = await ServiceUnderTest.StartAsync(folder);
        await using (service)
        {
            using var client = new HttpClient { BaseAddress = service.Address, Timeout = TimeSpan.FromMinutes(5) };
            var rows = new StringBuilder();
            rows.AppendLine("| Statements | Actor | Asked for | Actors returned (cut: more within reach) | Edges | Service p50 / p99 | Ids only p50 / p99 | Service ÷ ids only |");
            rows.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|");

            // The busiest actor, a middling one and a quiet one of the synthetic graph's power law.
            string[] actors = ["o0", "o100", "p100"];
            foreach (var actor in drawingOnly ? [] : actors)
            {
                foreach (var first in new[] { 499, 100 })
                {
                    var variables = new { actor = new { id = actor }, first };
                    var network = await PostAsync(client, Neighbourhood, variables);
                    var ((service50, service99), (ids50, ids99)) = await Measurements.LatencyTurnAboutAsync(
                        c => PostAsync(c, Neighbourhood, variables), service.Address, c => PostAsync(c, IdsOnly, variables), service.Address, 20, TimeSpan.FromSeconds(5));
                    var nodes = network.GetProperty("nodes").GetArrayLength();
                    var edges = network.GetProperty("edges").GetArrayLength();
                    rows.AppendLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {statements:N0} | {actor} | {(first == 499 ? "open (499)" : "expand (100)")} | {nodes - 1:N0}{(network.GetProperty("truncated").GetBoolean() ? " (cut)" : "")} | {edges:N0} | {service50:0.0} / {service99:0.0} ms | {ids50:0.0} / {ids99:0.0} ms | {service50 / ids50:0.00} |"));
                    Console.Error.WriteLine($"{actor} first {first}: {nodes} actors, {edges} edges, {service50:0.0} / {service99:0.0} ms");
                }
            }

            rows.AppendLine();
            rows.AppendLine("| Statements | Actor | Actors drawn | Explorer: data to painted network | Bare Cytoscape.js, same elements | Expand: data to painted | Explorer ÷ bare |");
            rows.AppendLine("|---:|---|---:|---:|---:|---:|---:|");
            foreach (var row in await BrowserAsync(service.Address, statements, actors))
            {
                rows.AppendLine(row);
            }

            return rows.ToString();
        }
    }

    private static async Task<IReadOnlyList<string>> BrowserAsync(Uri service, int statements, string[] actors)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        });
        var rows = new List<string>();
        foreach (var actor in actors)
        {
            var draws = new List<double>();
            var bare = new List<double>();
            var expands = new List<double>();
            var drawn = 0;
            for (var run = 0; run < 5; run++)
            {
                // Playwright polls its waits with code built from strings, which the page's policy rightly refuses.
                var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1680, Height = 960 }, BypassCSP = true });
                await page.GotoAsync(new Uri(service, $"/explore?actor={actor}").ToString());
                await page.WaitForFunctionAsync("performance.getEntriesByName('explorer:draw').length > 0", null, new() { Timeout = 120_000 });
                draws.Add(await page.EvaluateAsync<double>("performance.getEntriesByName('explorer:draw')[0].duration"));
                drawn = await page.Locator("#actor-list li").CountAsync();

                // Expand the first actor drawn that is not expanded yet, as a person clicking down the list would.
                await page.Locator("#actor-list button[aria-label^='Expand ']").First.ClickAsync();
                await page.WaitForFunctionAsync("performance.getEntriesByName('explorer:expand').length > 0", null, new() { Timeout = 120_000 });
                expands.Add(await page.EvaluateAsync<double>("performance.getEntriesByName('explorer:expand')[0].duration"));
                bare.Add(await page.EvaluateAsync<double>(BareCytoscape, new object[] { Neighbourhood, new { actor = new { id = actor }, first = 499 } }));
                await page.CloseAsync();
            }

            double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {statements:N0} | {actor} | {drawn:N0} | {Median(draws):0} ms | {Median(bare):0} ms | {Median(expands):0} ms | {Median(draws) / Median(bare):0.00} |"));
            Console.Error.WriteLine(rows[^1]);
        }

        return rows;
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string query, object variables)
    {
        using var response = await client.PostAsJsonAsync("graphql", new { query, variables });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (body.TryGetProperty("errors", out var errors))
        {
            throw new InvalidOperationException($"The explorer's query failed: {errors}");
        }

        return body.GetProperty("data").GetProperty("neighbourhood");
    }
}
