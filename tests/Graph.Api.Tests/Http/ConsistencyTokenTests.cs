using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Graph.EventStore;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.Http;

/// <summary>Read-your-writes across API nodes: a mutation's token, sent back as a header, holds a query until the graph has the write.</summary>
public sealed class ConsistencyTokenTests
{
    private const string Record = """
        mutation { recordStatement(input: {
          kind: CRITICISE, speaker: { name: "Amazon" }, addressees: [{ name: "Microsoft" }],
          summary: "Recorded for the consistency token.", sources: [{ publisher: "Token Times" }]
        }) { statement { id } consistencyToken } }
        """;

    [Fact]
    public async Task Every_mutation_answers_with_the_log_position_of_its_write_and_a_query_sent_with_it_sees_the_write()
    {
        using var service = new GraphServiceFactory();
        var payload = (await service.PostAsync(Record)).Data().At("recordStatement");
        var token = payload.At("consistencyToken").GetString()!;
        var head = service.Services.GetRequiredService<IEventStore>().HeadPosition;

        Assert.Equal(head.ToString(System.Globalization.CultureInfo.InvariantCulture), token);

        using var client = service.CreateClient();
        using var request = Query($"{{ statement(id: \"{payload.At("statement.id").GetString()}\") {{ summary }} }}", token);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Recorded for the consistency token.", body.Data().At("statement.summary").GetString());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("12, 13")]
    public async Task A_token_no_mutation_could_have_given_is_refused_and_nothing_runs(string token)
    {
        using var service = new GraphServiceFactory();
        using var client = service.CreateClient();
        using var request = Query("{ actors(first: 1) { id } }", token);

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_CONSISTENCY_TOKEN", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task A_token_beyond_what_the_graph_has_read_is_answered_503_after_the_read_your_writes_timeout()
    {
        using var service = GraphServiceFactory.With(new Dictionary<string, string> { ["Projection:ReadYourWritesTimeout"] = "00:00:00.300" }, null);
        using var client = service.CreateClient();
        var head = service.Services.GetRequiredService<IEventStore>().HeadPosition;
        using var request = Query("{ actors(first: 1) { id } }", (head + 1_000).ToString(System.Globalization.CultureInfo.InvariantCulture));

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("1", response.Headers.RetryAfter?.ToString());
        var error = body.GetProperty("errors")[0];
        Assert.Equal("CONSISTENCY_TIMEOUT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains($"log position {head + 1_000}", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static HttpRequestMessage Query(string query, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.TryAddWithoutValidation("Consistency-Token", token);
        return request;
    }
}
