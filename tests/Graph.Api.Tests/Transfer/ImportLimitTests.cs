using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Graph.EventStore;
using Graph.Host.Hosting;
using Graph.Host.Import;
using Graph.Projection;
using Graph.Projection.Reading;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.Transfer;

/// <summary><c>POST /import</c> reads no more than its limits allow, and a bad number is a bad record, not a failure.</summary>
public sealed class ImportLimitTests
{
    private const string Organisation = """{"type":"organisation","id":"acme","name":"Acme Corp","kind":"COMPANY"}""";

    private static GraphServiceFactory Service() => GraphServiceFactory.With(
        new Dictionary<string, string>
        {
            ["Graph:LoadSampleData"] = "false",
            ["Import:MaxBodyBytes"] = "20000",
            ["Import:MaxLineBytes"] = "2000",
        },
        null);

    private static string Statement(string id, string summary, string extra = "") =>
        $$"""{"type":"statement","id":"{{id}}","kind":"CRITICISE","speaker":{"id":"acme"},"summary":"{{summary}}","sources":[{"publisher":"Daily"}]{{extra}}}""";

    private static HttpContent JsonLines(string body, bool chunked = false)
    {
        HttpContent content = chunked
            ? new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)))
            : new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        if (chunked)
        {
            content.Headers.ContentLength = null;
        }

        return content;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_the_limit_is_refused_with_413_and_nothing_is_written(bool chunked)
    {
        await using var service = Service();
        using var client = service.CreateClient();
        var body = Organisation + "\n" + string.Join("\n", Enumerable.Range(0, 200).Select(i => Statement($"s{i}", "Criticises Acme.")));

        using var response = await client.PostAsync("/import?allOrNothing=true", JsonLines(body, chunked));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("20000 bytes", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, service.Services.GetRequiredService<IEventStore>().HeadPosition);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?allOrNothing=true")]
    [InlineData("?dryRun=true")]
    public async Task A_line_over_the_limit_ends_the_request_with_413_naming_the_line(string options)
    {
        await using var service = Service();
        using var client = service.CreateClient();
        var body = string.Join("\n", Organisation, Statement("s1", "Fine."), Statement("s2", new string('x', 3_000)), Statement("s3", "Never read."));

        using var response = await client.PostAsync("/import" + options, JsonLines(body));
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Line 3 is longer than 2000 bytes", error, StringComparison.Ordinal);
        await service.Services.GetRequiredService<Projector>().WaitForAsync(service.Services.GetRequiredService<IEventStore>().HeadPosition);
        var statements = await service.Services.GetRequiredService<IGraphReader>().GetStatementsAsync(["s1", "s3"]);
        Assert.Equal(options == "" ? ["s1"] : [], statements.Select(s => s.Id));
    }

    [Theory]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("\"-Infinity\"")]
    [InlineData("1e400")]
    [InlineData("\"1.5\"")]
    public async Task A_confidence_that_is_not_a_number_between_0_and_1_is_a_bad_record_not_a_failure(string confidence)
    {
        await using var service = Service();
        using var client = service.CreateClient();
        var body = string.Join("\n", Organisation, Statement("s1", "Bad number.", $",\"confidence\":{confidence}"), Statement("s2", "Fine.", ",\"confidence\":0.5"));

        using var response = await client.PostAsync("/import", JsonLines(body));
        var report = await response.Content.ReadFromJsonAsync<ImportReport>(TransferEndpoints.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var problem = Assert.Single(report!.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains("confidence", problem.Message + problem.Field, StringComparison.Ordinal);
        Assert.Equal(2, report.Written);
    }
}
