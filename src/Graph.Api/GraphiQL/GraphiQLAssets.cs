using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Graph.Api.GraphiQL;

/// <summary>
/// GraphiQL's page, its start-up script, the example queries and the vendored GraphiQL and React builds, served from
/// resources embedded in this assembly, so they work offline and whatever the working directory.
/// </summary>
/// <remarks>
/// Vendored files sit under versioned paths (<c>vendor/graphiql-4.1.2/...</c>) and are cached as immutable; the
/// project's own files are revalidated by their ETag on every use.
/// </remarks>
public sealed class GraphiQLAssets
{
    /// <summary>Where the assets are served from, and the page itself.</summary>
    public const string BasePath = "/graphiql";

    private const string ResourcePrefix = "graphiql/";
    private const string ExamplesFolder = "examples/";

    // Only this origin's scripts, styles, fonts and API; GraphiQL sets element styles inline, so those are allowed.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
        + "frame-ancestors 'none'";

    private readonly FrozenDictionary<string, Asset> _assets = Load(typeof(GraphiQLAssets).Assembly);

    /// <summary>Answers with the GraphiQL page.</summary>
    public Task WritePageAsync(HttpContext context) => WriteAsync(context, "index.html");

    /// <summary>Answers with the asset at <paramref name="path"/> (relative to <see cref="BasePath"/>), or 404.</summary>
    public async Task WriteAsync(HttpContext context, string path)
    {
        var response = context.Response;
        if (!_assets.TryGetValue(path, out var asset))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        response.Headers.ETag = asset.ETag.ToString();
        response.Headers.CacheControl = asset.Immutable ? "public, max-age=31536000, immutable" : "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        if (asset.ContentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            response.Headers["Referrer-Policy"] = "no-referrer";
        }

        if (context.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(asset.ETag, useStrongComparison: false)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        await response.Body.WriteAsync(asset.Content, context.RequestAborted);
    }

    private static FrozenDictionary<string, Asset> Load(Assembly assembly)
    {
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        var examples = new List<ExampleQuery>();
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            // MSBuild's RecursiveDir uses the build machine's separator.
            var path = name[ResourcePrefix.Length..].Replace('\\', '/');
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var content = new MemoryStream();
            stream.CopyTo(content);
            if (path.StartsWith(ExamplesFolder, StringComparison.Ordinal))
            {
                examples.Add(new ExampleQuery(System.Text.Encoding.UTF8.GetString(content.ToArray())));
                continue;
            }

            assets[path] = Asset.Create(path, content.ToArray());
        }

        assets["examples.json"] = Asset.Create("examples.json", JsonSerializer.SerializeToUtf8Bytes(examples, JsonSerializerOptions.Web));
        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed record ExampleQuery(string Query);

    private sealed record Asset(byte[] Content, string ContentType, EntityTagHeaderValue ETag, bool Immutable)
    {
        public static Asset Create(string path, byte[] content) => new(
            content,
            Path.GetExtension(path) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                ".json" => "application/json; charset=utf-8",
                _ => "application/octet-stream",
            },
            new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..20]}\""),
            path.StartsWith("vendor/", StringComparison.Ordinal));
    }
}
