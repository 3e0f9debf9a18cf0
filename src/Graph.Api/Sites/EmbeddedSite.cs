using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Graph.Api.Sites;

/// <summary>
/// A page of the service and its assets, served from resources embedded in this assembly, so they work offline and
/// whatever the working directory.
/// </summary>
/// <remarks>
/// Vendored files sit under versioned paths (<c>vendor/cytoscape-3.35.0/...</c>) and are cached as immutable; the
/// project's own files are revalidated by their ETag on every use. Pages carry a Content-Security-Policy that allows
/// only this origin's scripts, so a page's own code lives in files, never inline.
/// </remarks>
public sealed class EmbeddedSite
{
    // Only this origin's scripts, styles, fonts and API; GraphiQL and Cytoscape.js set element styles inline, so those
    // are allowed. Images may be data: or blob: URLs (icons, and the PNG a person downloads).
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
        + "frame-ancestors 'none'";

    private readonly FrozenDictionary<string, Asset> _assets;

    /// <summary>Serves <paramref name="files"/>, keyed by their paths relative to the site's base path.</summary>
    public EmbeddedSite(IEnumerable<KeyValuePair<string, byte[]>> files) =>
        _assets = files.ToFrozenDictionary(f => f.Key, f => Asset.Create(f.Key, f.Value), StringComparer.Ordinal);

    /// <summary>The resources of <paramref name="assembly"/> whose names start with <paramref name="prefix"/>, keyed by the rest of their names.</summary>
    public static IEnumerable<KeyValuePair<string, byte[]>> Resources(Assembly assembly, string prefix)
    {
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var content = new MemoryStream();
            stream.CopyTo(content);

            // MSBuild's RecursiveDir uses the build machine's separator.
            yield return new(name[prefix.Length..].Replace('\\', '/'), content.ToArray());
        }
    }

    /// <summary>Answers with the asset at <paramref name="path"/> (relative to the site's base path), or 404.</summary>
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
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            },
            new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..20]}\""),
            path.StartsWith("vendor/", StringComparison.Ordinal));
    }
}
