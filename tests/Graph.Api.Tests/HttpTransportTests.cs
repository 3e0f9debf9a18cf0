using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Graph.Api.Tests;

[Collection(GraphServiceCollection.Name)]
public sealed class HttpTransportTests(GraphServiceFactory service)
{
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

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
        var found = (await service.PostAsync("""{ actors(name: "Created Over Get") { id } }""")).Data().At("actors");
        Assert.Equal(0, found.GetArrayLength());
    }

    [Fact]
    public async Task A_post_that_is_not_json_is_refused_with_415()
    {
        using var client = service.CreateClient();
        using var content = new StringContent("""{"query":"{ actors(name: \"a\") { id } }"}""", System.Text.Encoding.UTF8, "text/plain");

        using var response = await client.PostAsync("/graphql", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Broken_json_is_a_400_with_a_message()
    {
        using var client = service.CreateClient();
        using var content = new StringContent("""{"query": "{ actors""", System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/graphql", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("JSON", body.Errors()[0].At("message").GetString(), StringComparison.Ordinal);
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

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }
}
