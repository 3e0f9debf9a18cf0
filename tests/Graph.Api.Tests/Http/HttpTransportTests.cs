using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Graph.Api.Tests.Http;

[Collection(GraphServiceCollection.Name)]
public sealed class HttpTransportTests(GraphServiceFactory service)
{
    private const int DefaultMaxRequestBytes = 1_024 * 1_024;

    [Fact]
    public async Task A_query_over_GET_answers_with_url_encoded_variables()
    {
        using var client = service.CreateClient();
        var query = Uri.EscapeDataString("query($id: ID!) { actor(id: $id) { name } }");
        var variables = Uri.EscapeDataString("""{"id":"ibm"}""");

        using var response = await client.GetAsync($"/graphql?query={query}&variables={variables}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("IBM", body.Data().At("actor.name").GetString());
    }

    [Fact]
    public async Task A_mutation_over_GET_is_refused_with_405_and_changes_nothing()
    {
        using var client = service.CreateClient();
        var mutation = Uri.EscapeDataString("""mutation { createOrganisation(input: { name: "Created Over Get", kind: OTHER }) { organisation { id } } }""");

        using var response = await client.GetAsync($"/graphql?query={mutation}");

        await AssertRefusedAsync(response, HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED", "only accepted over POST");
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        var found = (await service.PostAsync("""{ actors(name: "Created Over Get") { id } }""")).Data().At("actors");
        Assert.Equal(0, found.GetArrayLength());
    }

    [Fact]
    public async Task A_plain_text_post_is_refused_with_415_and_a_message()
    {
        using var client = service.CreateClient();
        using var content = new StringContent("""{"query":"{ actors(name: \"a\") { id } }"}""", Encoding.UTF8, "text/plain");

        using var response = await client.PostAsync("/graphql", content);

        await AssertRefusedAsync(response, HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
            "A GraphQL POST must be application/json (UTF-8), this one is 'text/plain; charset=utf-8'.");
    }

    [Fact]
    public async Task A_form_post_is_refused_with_415_and_a_message()
    {
        using var client = service.CreateClient();
        using var content = new FormUrlEncodedContent([new("query", "{ __typename }")]);

        using var response = await client.PostAsync("/graphql", content);

        await AssertRefusedAsync(response, HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
            "this one is 'application/x-www-form-urlencoded'");
    }

    [Fact]
    public async Task A_multipart_post_is_refused_with_415_and_a_message()
    {
        using var client = service.CreateClient();
        using var content = new MultipartFormDataContent { { new StringContent("""{"query":"{ __typename }"}"""), "operations" } };

        using var response = await client.PostAsync("/graphql", content);

        await AssertRefusedAsync(response, HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
            "this one is 'multipart/form-data'");
    }

    [Fact]
    public async Task Broken_json_is_a_400_with_a_message()
    {
        using var client = service.CreateClient();
        using var content = new StringContent("""{"query": "{ actors""", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/graphql", content);

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "BAD_REQUEST", "send a JSON object with a string query");
    }

    [Fact]
    public async Task A_batch_of_requests_in_a_json_array_is_a_400()
    {
        using var client = service.CreateClient();
        using var content = new StringContent("""[{"query":"{ __typename }"},{"query":"{ __typename }"}]""", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/graphql", content);

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "BAD_REQUEST", "send a JSON object");
    }

    [Fact]
    public async Task A_method_other_than_GET_or_POST_is_refused_with_405()
    {
        using var client = service.CreateClient();

        using var response = await client.PutAsync("/graphql", JsonContent.Create(new { query = "{ __typename }" }));

        await AssertRefusedAsync(response, HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED", "not PUT");
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_before_it_is_parsed()
    {
        using var client = service.CreateClient();
        var padding = new string(' ', DefaultMaxRequestBytes);
        using var content = new StringContent($$"""{"query": "{ __typename }"{{padding}}}""", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/graphql", content);

        await AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge, "REQUEST_TOO_LARGE",
            $"The request body is larger than the {DefaultMaxRequestBytes} bytes this server accepts.");
    }

    [Fact]
    public async Task A_body_just_under_the_limit_is_answered()
    {
        using var client = service.CreateClient();
        var request = """{"query": "{ __typename }"}""";
        var padding = new string(' ', DefaultMaxRequestBytes - request.Length);
        using var content = new StringContent(request + padding, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/graphql", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Query", (await response.Content.ReadFromJsonAsync<JsonElement>()).Data().At("__typename").GetString());
    }

    [Fact]
    public async Task The_graphql_response_media_type_is_used_when_accepted_and_an_invalid_query_is_then_a_400()
    {
        using var client = service.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ noSuchField }" }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_client_that_accepts_neither_json_type_gets_406()
    {
        using var client = service.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ __typename }" }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/xml"));

        using var response = await client.SendAsync(request);

        await AssertRefusedAsync(response, HttpStatusCode.NotAcceptable, "NOT_ACCEPTABLE", "the Accept header allows neither");
    }

    /// <summary>
    /// A refusal is a GraphQL-shaped error with a code and a sentence that says what to do, and never an exception's
    /// details or a stack trace.
    /// </summary>
    internal static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code, string message)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = Assert.Single(JsonDocument.Parse(text).RootElement.Errors());
        Assert.Equal(code, error.Code());
        Assert.Contains(message, error.At("message").GetString(), StringComparison.Ordinal);
        Assert.All(error.At("extensions").EnumerateObject(), extension => Assert.Contains(extension.Name, (string[])["code", "codes"]));
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }
}
