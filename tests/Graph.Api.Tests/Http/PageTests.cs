using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Graph.Api.Tests.Http;

[Collection(GraphServiceCollection.Name)]
public sealed partial class PageTests(GraphServiceFactory service)
{
    /// <summary>What Chromium sends when it navigates to a page.</summary>
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8";

    private const string HeadlineQuery = """
        query WhoUrgedWhomToFollowWhom {
          statements(filter: { kinds: [APPEAL], hasExemplar: true }) {
            totalCount
            nodes { kind speaker { name } addressees { name } exemplars { name } saidOn sources { publisher url } }
          }
        }

        """;

    [Fact]
    public async Task A_browser_asking_for_graphql_gets_GraphiQL_and_a_client_still_gets_json()
    {
        using var client = service.CreateClient();
        using var page = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        page.Headers.Accept.ParseAdd(BrowserAccept);
        using var query = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D");
        query.Headers.Accept.ParseAdd("application/json");

        using var pageResponse = await client.SendAsync(page);
        using var queryResponse = await client.SendAsync(query);

        Assert.Equal(HttpStatusCode.OK, pageResponse.StatusCode);
        Assert.Equal("text/html", pageResponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"graphiql\">", await pageResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Accept", pageResponse.Headers.Vary);
        Assert.Equal("application/json", queryResponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", queryResponse.Headers.Vary);
    }

    [Theory]
    [InlineData("/graphiql")]
    [InlineData("/explore")]
    public async Task The_page_allows_only_its_own_origin_and_no_inline_script(string page)
    {
        using var client = service.CreateClient();

        using var response = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("http", policy, StringComparison.Ordinal);
        Assert.DoesNotMatch(InlineScript(), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/graphiql", 5)]
    [InlineData("/explore", 3)]
    public async Task Every_asset_the_page_loads_comes_from_this_service_with_its_content_type(string page, int assets)
    {
        using var client = service.CreateClient();
        var html = await client.GetStringAsync(page);
        var references = AssetReference().Matches(html).Select(match => match.Groups["url"].Value)
            .Where(url => !url.StartsWith("data:", StringComparison.Ordinal)).ToList();

        Assert.Equal(assets, references.Count);
        foreach (var reference in references)
        {
            Assert.DoesNotContain(":", reference, StringComparison.Ordinal);
            Assert.False(reference.StartsWith('/'), $"{reference} should be relative, so it works under a path base too");
            using var response = await client.GetAsync(new Uri(new Uri("http://localhost" + page), reference));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{reference}: {(int)response.StatusCode}");
            var expected = reference.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript";
            Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
            if (reference.Contains("/vendor/", StringComparison.Ordinal))
            {
                Assert.True(response.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365), $"{reference} should be cached for a year");
                Assert.Contains("immutable", response.Headers.CacheControl?.Extensions.Select(e => e.Name) ?? []);
            }
            else
            {
                Assert.True(response.Headers.CacheControl?.NoCache, $"{reference} should be revalidated");
            }
        }
    }

    [Fact]
    public async Task An_unchanged_asset_is_answered_with_304()
    {
        using var client = service.CreateClient();
        using var first = await client.GetAsync("/graphiql/start.js");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/graphiql/start.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var response = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_asset_is_a_404_and_a_trailing_slash_leads_back_to_the_page()
    {
        using var client = service.CreateClient(new() { AllowAutoRedirect = false });

        using var missing = await client.GetAsync("/graphiql/vendor/nothing-1.0.0/nothing.js");
        using var slash = await client.GetAsync("/graphiql/");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, slash.StatusCode);
        Assert.Equal("/graphiql", slash.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_examples_start_with_the_headline_question_and_each_runs_without_errors()
    {
        using var client = service.CreateClient();

        var examples = await client.GetFromJsonAsync<JsonElement>("/graphiql/examples.json");

        var queries = examples.EnumerateArray().Select(example => example.At("query").GetString()!).ToList();
        Assert.Equal(3, queries.Count);
        Assert.Equal(HeadlineQuery, queries[0]);
        foreach (var query in queries)
        {
            (await service.PostAsync(query)).Data();
        }

        var headline = (await service.PostAsync(queries[0])).Data();
        Assert.Equal("American Civil Liberties Union", headline.At("statements.nodes.0.speaker.name").GetString());
    }

    [GeneratedRegex(@"<(?:script|link)\s[^>]*(?:src|href)=""(?<url>[^""]+)""")]
    private static partial Regex AssetReference();

    [GeneratedRegex("""<script(?![^>]*\ssrc=)[^>]*>""")]
    private static partial Regex InlineScript();
}
