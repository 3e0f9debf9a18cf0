using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Graph.Api.Sites;

public static class SiteEndpoints
{
    /// <summary>Serves a site's page (<c>index.html</c>) at <paramref name="basePath"/> and its assets beneath it.</summary>
    public static IEndpointRouteBuilder MapSite(this IEndpointRouteBuilder endpoints, string basePath, Func<IServiceProvider, EmbeddedSite> site)
    {
        endpoints.MapGet(basePath, (HttpContext context) =>
        {
            if (context.Request.Path.Value?.EndsWith('/') == true)
            {
                // The page's asset paths are relative to the base path, and would not resolve from beneath it.
                context.Response.Redirect(context.Request.PathBase + basePath + context.Request.QueryString);
                return Task.CompletedTask;
            }

            return site(context.RequestServices).WriteAsync(context, "index.html");
        });
        endpoints.MapGet(basePath + "/{**path}", (HttpContext context, string path) => site(context.RequestServices).WriteAsync(context, path));
        return endpoints;
    }
}
