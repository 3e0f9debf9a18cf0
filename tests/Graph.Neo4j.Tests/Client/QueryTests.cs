using System.Text.Json;
using Graph.Neo4j.Client;
using Graph.Neo4j.Tests.Fake;

namespace Graph.Neo4j.Tests.Client;

public sealed class QueryTests
{
    [Fact]
    public async Task A_query_returns_its_fields_values_counters_and_bookmarks()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        FakeStatement? received = null;
        harness.Fake.Handler = statement =>
        {
            received = statement;
            return new FakeResult(
                ["name", "aliases"],
                [["Amazon", new[] { "AMZN" }], ["IBM", Array.Empty<string>()]],
                new Dictionary<string, long> { ["nodesCreated"] = 2, ["propertiesSet"] = 4 });
        };

        var result = await harness.Client().RunAsync("MERGE (o:Organisation {name: $name}) RETURN o.name AS name, o.aliases AS aliases", new Dictionary<string, object?> { ["name"] = "Amazon" });

        Assert.Equal(["name", "aliases"], result.Keys);
        Assert.Equal(["Amazon", "IBM"], result.Records.Select(r => r["name"].GetString()));
        Assert.Equal(["AMZN"], result.Records[0]["aliases"].EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(2, result.Counter("nodesCreated"));
        Assert.Equal(4, result.Counter("propertiesSet"));
        Assert.Equal(0, result.Counter("relationshipsCreated"));
        Assert.True(result.Counters["containsUpdates"].GetBoolean());
        Assert.Equal([QueryApiFake.Bookmark(1)], result.Bookmarks);
        Assert.Equal("neo4j", received!.Database);
        Assert.Null(received.TransactionId);
        Assert.Equal("Amazon", received.String("name"));
    }

    [Fact]
    public async Task A_query_is_posted_as_the_docs_show()
    {
        await using var harness = await QueryApiHarness.StartAsync();

        await harness.Client().RunAsync("MATCH (n) RETURN count(n) AS n", new Dictionary<string, object?> { ["limit"] = 5 });

        var request = Assert.Single(harness.Fake.Requests);
        Assert.Equal(("POST", "/db/neo4j/query/v2"), (request.Method, request.Path));
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        var body = request.Json;
        Assert.Equal("MATCH (n) RETURN count(n) AS n", body.GetProperty("statement").GetString());
        Assert.Equal(5, body.GetProperty("parameters").GetProperty("limit").GetInt64());
        Assert.True(body.GetProperty("includeCounters").GetBoolean());
        Assert.Equal("Write", body.GetProperty("accessMode").GetString());
        Assert.False(body.TryGetProperty("bookmarks", out _), "There is nothing to wait for before the first write.");
    }

    [Fact]
    public async Task A_read_query_is_sent_with_access_mode_Read()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        var modes = new List<AccessMode>();
        harness.Fake.Handler = statement =>
        {
            modes.Add(statement.AccessMode);
            return FakeResult.Empty;
        };

        await harness.Client().RunAsync("MATCH (n) RETURN n", accessMode: AccessMode.Read);

        Assert.Equal("Read", Assert.Single(harness.Fake.Requests).Json.GetProperty("accessMode").GetString());
        Assert.Equal([AccessMode.Read], modes);
    }

    [Fact]
    public async Task Parameters_travel_as_plain_json_and_doubles_stay_floats()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        var client = harness.Client();

        await client.RunAsync("RETURN 1", new Dictionary<string, object?>
        {
            ["none"] = null,
            ["text"] = "Nicole Ozer",
            ["flag"] = true,
            ["int"] = 7,
            ["long"] = 9_007_199_254_740_993L,
            ["double"] = 1.0,
            ["fraction"] = 0.25,
            ["names"] = new[] { "ACLU", "ACLU of Northern California" },
            ["list"] = new List<object?> { 1L, "two", null },
            ["map"] = new Dictionary<string, object?> { ["role"] = "director", ["from"] = "2018" },
            ["typedMap"] = new Dictionary<string, string> { ["k"] = "v" },
            ["rows"] = new[]
            {
                new Dictionary<string, object?> { ["id"] = "a", ["tags"] = new[] { "x" } },
                new Dictionary<string, object?> { ["id"] = "b", ["tags"] = Array.Empty<string>() },
            },
        });

        var parameters = Assert.Single(harness.Fake.Requests).Json.GetProperty("parameters");
        string Raw(string name) => parameters.GetProperty(name).GetRawText();
        Assert.Equal("null", Raw("none"));
        Assert.Equal("\"Nicole Ozer\"", Raw("text"));
        Assert.Equal("true", Raw("flag"));
        Assert.Equal("7", Raw("int"));
        Assert.Equal("9007199254740993", Raw("long"));
        Assert.Equal("1.0", Raw("double"));
        Assert.Equal("0.25", Raw("fraction"));
        Assert.Equal("""["ACLU","ACLU of Northern California"]""", Raw("names"));
        Assert.Equal("""[1,"two",null]""", Raw("list"));
        Assert.Equal("""{"role":"director","from":"2018"}""", Raw("map"));
        Assert.Equal("""{"k":"v"}""", Raw("typedMap"));
        Assert.Equal("""[{"id":"a","tags":["x"]},{"id":"b","tags":[]}]""", Raw("rows"));
    }

    [Fact]
    public async Task A_parameter_that_plain_json_cannot_carry_is_refused_before_anything_is_sent()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        var client = harness.Client();

        var date = await Assert.ThrowsAsync<ArgumentException>(() => client.RunAsync("RETURN $when", new Dictionary<string, object?> { ["when"] = DateTime.UtcNow }));
        var nan = await Assert.ThrowsAsync<ArgumentException>(() => client.RunAsync("RETURN $x", new Dictionary<string, object?> { ["x"] = new[] { double.NaN } }));

        Assert.Contains("when", date.Message, StringComparison.Ordinal);
        Assert.Contains("x[0]", nan.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Attempts);
    }

    [Fact]
    public async Task The_database_from_the_options_is_in_the_path()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        harness.Fake.Databases = ["statements"];

        await harness.Client(o => o.Database = "statements").RunAsync("RETURN 1");

        Assert.Equal("/db/statements/query/v2", Assert.Single(harness.Fake.Requests).Path);
    }

    [Fact]
    public async Task Values_come_back_as_plain_json()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        harness.Fake.Handler = _ => FakeResult.Row(
            ["node", "count", "ratio", "missing"],
            JsonSerializer.Deserialize<JsonElement>("""{"elementId":"4:x:0","labels":["Organisation"],"properties":{"name":"IBM"}}"""),
            3L,
            0.5,
            null);

        var record = Assert.Single((await harness.Client().RunAsync("MATCH (o) RETURN o AS node")).Records);

        Assert.Equal("IBM", record["node"].GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal(3, record["count"].GetInt64());
        Assert.Equal(0.5, record["ratio"].GetDouble());
        Assert.Equal(JsonValueKind.Null, record["missing"].ValueKind);
        Assert.Throws<KeyNotFoundException>(() => record["nope"]);
    }
}
