using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Graph.Api.GraphiQL;

public static class GraphiQLEndpoints
{
    /// <summary>Serves GraphiQL at <c>/graphiql</c> and its assets beneath it.</summary>
    public static IEndpointRouteBuilder MapGraphiQL(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(GraphiQLAssets.BasePath, (HttpContext context, GraphiQLAssets assets) =>
        {
            if (context.Request.Path.Value?.EndsWith('/') == true)
            {
                // The page's asset paths are relative to /graphiql, and would not resolve from /graphiql/.
                context.Response.Redirect(context.Request.PathBase + GraphiQLAssets.BasePath + context.Request.QueryString);
                return Task.CompletedTask;
            }

            return assets.WritePageAsync(context);
        });
        endpoints.MapGet(GraphiQLAssets.BasePath + "/{**path}", (HttpContext context, string path, GraphiQLAssets assets) =>
            assets.WriteAsync(context, path));
        return endpoints;
    }
}
