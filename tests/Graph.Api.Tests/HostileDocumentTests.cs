using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Graph.Api.Tests;

/// <summary>
/// Documents sent to exhaust the server, each as found when the service was probed as an attacker: every one is
/// refused before execution, with a code that says which limit it broke, and the service answers the next query.
/// </summary>
[Collection(GraphServiceCollection.Name)]
public sealed class HostileDocumentTests(GraphServiceFactory service)
{
    /// <summary>Each fragment spreads the one before it four times: 700 bytes asking for 4^13 fields.</summary>
    private static string FragmentFanOut(int levels)
    {
        var document = new StringBuilder("query { ...F").Append(levels).Append(" }\nfragment F0 on Query { __typename }\n");
        for (var i = 1; i <= levels; i++)
        {
            document.Append("fragment F").Append(i).Append(" on Query { ")
                .Append(string.Concat(Enumerable.Repeat($"...F{i - 1} ", 4))).Append("}\n");
        }

        return document.ToString();
    }

    public static TheoryData<string, string, string> Documents => new()
    {
        { "fragments spread 4 times, 13 deep", FragmentFanOut(13), "MAX_FIELDS" },
        { "fragments spread 4 times, 6 deep (4,096 fields)", FragmentFanOut(6), "MAX_FIELDS" },
        { "90,000 __typename fields", "{ " + string.Concat(Enumerable.Repeat("__typename ", 90_000)) + "}", "MAX_TOKENS" },
        { "3,000 __typename fields", "{ " + string.Concat(Enumerable.Repeat("__typename ", 3_000)) + "}", "MAX_FIELDS" },
        { "10,000 @skip directives", "{ " + string.Concat(Enumerable.Repeat("__typename @skip(if: false) ", 10_000)) + "}", "MAX_TOKENS" },
        { "500 @skip directives", "{ " + string.Concat(Enumerable.Repeat("__typename @skip(if: false) ", 500)) + "}", "MAX_DIRECTIVES" },
        { "5,000 nested lists in a filter", "{ statements(filter: { kinds: " + new string('[', 5_000) + new string(']', 5_000) + " }) { totalCount } }", "MAX_TOKENS" },
        { "1,000 nested lists in a filter", "{ statements(filter: { kinds: " + new string('[', 1_000) + new string(']', 1_000) + " }) { totalCount } }", "DOCUMENT_TOO_DEEP" },
        { "1,000 nested objects in a filter", "{ statements(filter: " + string.Concat(Enumerable.Repeat("{ and: ", 1_000)) + "{}" + new string('}', 1_000) + ") { totalCount } }", "DOCUMENT_TOO_DEEP" },
        { "1,000 nested selections", "{ " + string.Concat(Enumerable.Repeat("a { ", 1_000)) + new string('}', 1_000) + " }", "DOCUMENT_TOO_DEEP" },
        { "50 nested lists in a filter", "{ statements(filter: { kinds: " + new string('[', 50) + "APPEAL" + new string(']', 50) + " }) { totalCount } }", "ARGUMENTS_OF_CORRECT_TYPE" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task A_hostile_document_is_refused_before_execution_and_the_service_answers_the_next_query(string name, string document, string code)
    {
        var (status, response) = await PostAsync(document);

        var error = Assert.Single(response.Errors());
        Assert.True(code == error.Code(), $"{name}: expected {code}, got {error.Code()}: {error.At("message").GetString()}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(response.TryGetProperty("data", out _), $"{name}: a refused document must not execute");
        Assert.Equal("Query", (await service.PostAsync("{ __typename }")).Data().At("__typename").GetString());
    }

    [Theory]
    [InlineData(40)]
    [InlineData(33)]
    public async Task Filters_nested_past_the_limit_in_a_literal_are_a_clear_input_error_not_a_failure(int depth)
    {
        var filter = string.Concat(Enumerable.Repeat("{ and: ", depth)) + "{ kinds: [APPEAL] }" + new string('}', depth);

        var error = Assert.Single((await service.PostAsync($"{{ statements(filter: {filter}) {{ totalCount }} }}")).Errors());

        Assert.Equal("INVALID_VALUE", error.Code());
        Assert.Equal("filter" + string.Concat(Enumerable.Repeat(".and[0]", 32)), error.Field());
    }

    [Fact]
    public async Task A_refusal_says_how_much_was_asked_and_how_much_is_allowed()
    {
        var (_, response) = await PostAsync(FragmentFanOut(13));

        Assert.Equal(
            "The query selects more than 2000 fields once its fragments are expanded; at most 2000 are allowed.",
            Assert.Single(response.Errors()).At("message").GetString());
    }

    [Fact]
    public async Task Filters_nested_33_deep_are_refused_for_their_nesting()
    {
        var filter = string.Concat(Enumerable.Repeat("{ and: [", 33)) + "{ kinds: [APPEAL] }" + string.Concat(Enumerable.Repeat("] }", 33));

        var error = Assert.Single((await service.PostAsync($"{{ statements(filter: {filter}) {{ totalCount }} }}")).Errors());

        Assert.Equal("INVALID_VALUE", error.Code());
        Assert.Contains("nests filters more than 32 deep in and/or", error.At("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_thousand_flat_or_filters_are_refused_for_their_number_not_their_nesting()
    {
        var filter = "{ or: [" + string.Join(", ", Enumerable.Repeat("{ kinds: [APPEAL] }", 1_000)) + "] }";

        var error = Assert.Single((await service.PostAsync($"{{ statements(filter: {filter}) {{ totalCount }} }}")).Errors());

        Assert.Equal("INVALID_VALUE", error.Code());
        Assert.Contains("combines more than 256 filters in and/or", error.At("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thirty_two_nested_filters_and_a_hundred_alternatives_still_answer()
    {
        var nested = string.Concat(Enumerable.Repeat("{ and: [", 31)) + "{ kinds: [APPEAL] }" + string.Concat(Enumerable.Repeat("] }", 31));
        var flat = "{ or: [" + string.Join(", ", Enumerable.Repeat("{ kinds: [APPEAL] }", 100)) + "] }";

        var response = await service.PostAsync($"{{ a: statements(filter: {nested}) {{ totalCount }} b: statements(filter: {flat}) {{ totalCount }} }}");

        var data = response.Data();
        Assert.True(data.At("a.totalCount").GetInt32() > 0);
        Assert.Equal(data.At("a.totalCount").GetInt32(), data.At("b.totalCount").GetInt32());
    }

    private async Task<(HttpStatusCode Status, JsonElement Response)> PostAsync(string query)
    {
        using var client = service.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
