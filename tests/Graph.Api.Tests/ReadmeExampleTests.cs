using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Graph.EventStore;
using Graph.Neo4j;
using Graph.Neo4j.Client;
using Graph.Projection;
using Graph.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Graph.Api.Tests;

/// <summary>
/// Every example of the README whose query is followed by its output is run on the sample data, and must give that
/// output: with the embedded graph always, and with the graph in Neo4j when <c>NEO4J_URI</c> names a live server (its
/// database emptied first). So the README stays true, and both stores give the same answers.
/// </summary>
public sealed partial class ReadmeExampleTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Stores()
    {
        yield return ["embedded"];
        if (LiveNeo4j.Uri is not null)
        {
            yield return ["neo4j"];
        }
    }

    [Fact]
    public void The_README_has_examples_with_their_output()
    {
        var examples = Examples();

        Assert.True(examples.Count >= 10, $"Found only {examples.Count} examples with their output in the README.");
        Assert.Contains(examples, e => e.Query.Contains("WhoUrgedWhomToFollowWhom", StringComparison.Ordinal));
        Assert.Contains(examples, e => e.Query.TrimStart().StartsWith("mutation", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Every_README_example_gives_the_output_the_README_shows(string store)
    {
        await using var database = store == "neo4j" ? await LiveNeo4j.UseDatabaseAsync() : null;
        if (store == "neo4j")
        {
            await EmptyNeo4jAsync();
        }

        await using var service = GraphServiceFactory.With(store == "neo4j" ? Neo4jSettings() : null, null);

        // The mutation comes last: the README shows every other answer from the sample data alone.
        var failures = new List<string>();
        foreach (var (query, expected) in Examples().OrderBy(e => e.Query.TrimStart().StartsWith("mutation", StringComparison.Ordinal)))
        {
            await service.Services.GetRequiredService<Projector>().WaitForAsync(service.Services.GetRequiredService<IEventStore>().HeadPosition);
            var answer = JsonNode.Parse((await service.PostAsync(query)).GetRawText())!;
            var shown = JsonNode.Parse(expected)!;
            if (query.TrimStart().StartsWith("mutation", StringComparison.Ordinal))
            {
                // A new statement's id is new each time.
                Forget(answer, "id");
                Forget(shown, "id");
            }

            output.WriteLine($"{store}: {Regex.Replace(query, @"\s+", " ")[..Math.Min(80, query.Length)]}");
            if (!JsonNode.DeepEquals(answer, shown))
            {
                failures.Add($"{query}\nREADME:  {shown.ToJsonString()}\nanswer:  {answer.ToJsonString()}");
            }
        }

        Assert.True(failures.Count == 0, $"{store}: {failures.Count} examples differ from the README:\n\n{string.Join("\n\n", failures)}");
    }

    private static async Task EmptyNeo4jAsync()
    {
        using var http = new HttpClient();
        var options = new Neo4jOptions { Uri = LiveNeo4j.Uri, Database = LiveNeo4j.Database, User = LiveNeo4j.User, Password = LiveNeo4j.Password };
        var client = new Neo4jClient(http, Options.Create(options), NullLogger<Neo4jClient>.Instance, TimeProvider.System);
        await new Neo4jGraphStore(client).ClearAsync();
    }

    private static Dictionary<string, string> Neo4jSettings() => new()
    {
        ["Graph:Store"] = "Neo4j",
        ["Neo4j:Uri"] = LiveNeo4j.Uri!.ToString(),
        ["Neo4j:Database"] = LiveNeo4j.Database,
        ["Neo4j:User"] = LiveNeo4j.User ?? "",
        ["Neo4j:Password"] = LiveNeo4j.Password ?? "",
    };

    private static List<(string Query, string Output)> Examples() =>
    [
        .. Example().Matches(File.ReadAllText(Path.Combine(Repository.Root, "README.md")))
            .Select(m => (m.Groups["query"].Value, m.Groups["output"].Value)),
    ];

    private static void Forget(JsonNode? node, string key)
    {
        switch (node)
        {
            case JsonObject map:
                if (map.ContainsKey(key))
                {
                    map[key] = "(any)";
                }

                foreach (var (_, value) in map.ToList())
                {
                    Forget(value, key);
                }

                break;
            case JsonArray list:
                foreach (var item in list)
                {
                    Forget(item, key);
                }

                break;
        }
    }

    // A GraphQL block followed, with nothing but blank lines between, by the JSON block of its answer.
    [GeneratedRegex(@"```graphql\n(?<query>.*?)\n```\s*\n```json\n(?<output>\{""data"".*?)\n```", RegexOptions.Singleline)]
    private static partial Regex Example();
}
