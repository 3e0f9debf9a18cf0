using Graph.Neo4j.Client;
using Graph.Projection;
using Graph.Projection.Reading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Graph.Neo4j;

public static class Neo4jServiceCollectionExtensions
{
    /// <summary>
    /// Registers Neo4j as the projection's store and the API's reader, configured from the <c>Neo4j</c> section, or
    /// from the conventional <c>NEO4J_URI</c>, <c>NEO4J_DATABASE</c>, <c>NEO4J_USERNAME</c> and <c>NEO4J_PASSWORD</c>
    /// environment variables when the section leaves them out.
    /// </summary>
    public static IServiceCollection AddNeo4jGraph(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Neo4jOptions.SectionName);
        services.AddOptions<Neo4jOptions>()
            .Bind(section)
            .PostConfigure(options =>
            {
                options.Uri ??= Environment.GetEnvironmentVariable("NEO4J_URI") is { Length: > 0 } uri ? new Uri(uri) : null;
                if (section["Database"] is null && Environment.GetEnvironmentVariable("NEO4J_DATABASE") is { Length: > 0 } database)
                {
                    options.Database = database;
                }

                options.User ??= Environment.GetEnvironmentVariable("NEO4J_USERNAME") ?? Environment.GetEnvironmentVariable("NEO4J_USER");
                options.Password ??= Environment.GetEnvironmentVariable("NEO4J_PASSWORD");
            })
            .ValidateDataAnnotations()
            .Validate(options => options.Uri is { Scheme: "http" or "https" }, "Neo4j:Uri must be the HTTP(S) address of Neo4j's Query API, e.g. http://localhost:7474 (not a bolt:// or neo4j:// address).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        // Each request is bounded by Neo4j:RequestTimeout, so the HttpClient's own timeout must not cut in first.
        services.AddSingleton<INeo4jClient>(sp => ActivatorUtilities.CreateInstance<Neo4jClient>(sp, new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        }));
        services.AddSingleton<Neo4jGraphStore>();
        services.AddSingleton<IGraphStore>(sp => sp.GetRequiredService<Neo4jGraphStore>());
        services.AddSingleton<IGraphReader, Neo4jGraphReader>();
        return services;
    }
}
