using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Graph.Benchmarks;

/// <summary>
/// A live Neo4j reached through its Query API by plain HTTP, as a hand-written client would: the floor every
/// Neo4j-backed figure is measured against, and the instrument that empties, counts and profiles the database.
/// </summary>
public sealed class Neo4jServer(Uri uri, string user, string password, string database) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(30) };
    private readonly string _query = new Uri(uri, $"/db/{database}/query/v2").AbsoluteUri;
    private readonly AuthenticationHeaderValue _authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    public Uri Uri { get; } = uri;

    public string User { get; } = user;

    public string Password { get; } = password;

    /// <summary>The service's settings that point it at this server.</summary>
    public string[] ServiceArguments =>
        ["--Graph:Store=Neo4j", $"--Neo4j:Uri={Uri}", $"--Neo4j:User={User}", $"--Neo4j:Password={Password}", $"--Neo4j:Database={database}"];

    /// <summary>From <c>NEO4J_URI</c>, <c>NEO4J_USERNAME</c>, <c>NEO4J_PASSWORD</c> and <c>NEO4J_DATABASE</c>, or the options given.</summary>
    public static Neo4jServer FromArguments(string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var uri = Option("--neo4j-uri") ?? Environment.GetEnvironmentVariable("NEO4J_URI")
            ?? throw new InvalidOperationException("--store neo4j needs --neo4j-uri or NEO4J_URI (the HTTP address, e.g. http://localhost:7474).");
        return new Neo4jServer(
            new Uri(uri),
            Option("--neo4j-user") ?? Environment.GetEnvironmentVariable("NEO4J_USERNAME") ?? "neo4j",
            Option("--neo4j-password") ?? Environment.GetEnvironmentVariable("NEO4J_PASSWORD") ?? "",
            Environment.GetEnvironmentVariable("NEO4J_DATABASE") ?? "neo4j");
    }

    /// <summary>Runs one statement in its own transaction and returns the answer's JSON.</summary>
    public async Task<JsonElement> RunAsync(string cypher, object? parameters = null)
    {
        using var request = Request(Body(cypher, parameters));
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var answer = JsonSerializer.Deserialize<JsonElement>(text, new JsonSerializerOptions { MaxDepth = 2048 });
        if (answer.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0)
        {
            throw new InvalidOperationException($"Neo4j refused {cypher[..Math.Min(cypher.Length, 80)]}...: {errors}");
        }

        return answer;
    }

    /// <summary>A prepared request, sent again and again by the latency and throughput measurements.</summary>
    public Func<HttpClient, Task> Prepared(string cypher, object? parameters = null)
    {
        var body = Body(cypher, parameters);
        return async client =>
        {
            using var request = Request(body);
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Neo4j answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(text)}");
            }
        };
    }

    public async Task<long> CountAsync(string label) =>
        (await RunAsync($"MATCH (n:{label}) RETURN count(n) AS n")).GetProperty("data").GetProperty("values")[0][0].GetInt64();

    /// <summary>Empties the database, keeping its constraints and indexes.</summary>
    public async Task ClearAsync()
    {
        var clock = Stopwatch.StartNew();
        foreach (var statement in Graph.Neo4j.Cypher.CypherStatements.DeleteAll)
        {
            await RunAsync(statement.Text);
        }

        Console.Error.WriteLine($"  emptied Neo4j in {clock.Elapsed.TotalSeconds:0} s");
    }

    /// <summary>Runs a statement under PROFILE and sums the database hits of its plan.</summary>
    public async Task<long> DbHitsAsync(string cypher, object? parameters = null)
    {
        var answer = await RunAsync("PROFILE " + cypher, parameters);
        return Sum(answer.GetProperty("profiledQueryPlan"));

        static long Sum(JsonElement plan) =>
            (plan.TryGetProperty("dbHits", out var hits) ? hits.GetInt64() : 0)
            + plan.GetProperty("children").EnumerateArray().Sum(Sum);
    }

    public void Dispose() => _http.Dispose();

    private static byte[] Body(string cypher, object? parameters) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?> { ["statement"] = cypher, ["parameters"] = parameters ?? new Dictionary<string, object?>() });

    private HttpRequestMessage Request(byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _query) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }
}
