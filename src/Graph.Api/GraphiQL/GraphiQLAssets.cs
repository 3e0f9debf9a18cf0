using System.Text;
using System.Text.Json;
using Graph.Api.Sites;
using Microsoft.AspNetCore.Http;

namespace Graph.Api.GraphiQL;

/// <summary>
/// GraphiQL's page, its start-up script, the example queries (as <c>examples.json</c>) and the vendored GraphiQL and
/// React builds, served from this assembly.
/// </summary>
public sealed class GraphiQLAssets
{
    /// <summary>Where the assets are served from, and the page itself.</summary>
    public const string BasePath = "/graphiql";

    private const string ExamplesFolder = "examples/";

    /// <summary>The page and its assets.</summary>
    public EmbeddedSite Site { get; } = new(WithExamples(EmbeddedSite.Resources(typeof(GraphiQLAssets).Assembly, "graphiql/").ToList()));

    /// <summary>Answers with the GraphiQL page.</summary>
    public Task WritePageAsync(HttpContext context) => Site.WriteAsync(context, "index.html");

    private static IEnumerable<KeyValuePair<string, byte[]>> WithExamples(List<KeyValuePair<string, byte[]>> files)
    {
        var examples = files.Where(f => f.Key.StartsWith(ExamplesFolder, StringComparison.Ordinal))
            .Select(f => new ExampleQuery(Encoding.UTF8.GetString(f.Value)))
            .ToList();
        return files.Where(f => !f.Key.StartsWith(ExamplesFolder, StringComparison.Ordinal))
            .Append(new("examples.json", JsonSerializer.SerializeToUtf8Bytes(examples, JsonSerializerOptions.Web)));
    }

    private sealed record ExampleQuery(string Query);
}
