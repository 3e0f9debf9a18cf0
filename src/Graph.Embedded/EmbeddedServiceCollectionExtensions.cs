using Graph.Projection;
using Graph.Projection.Reading;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Embedded;

public static class EmbeddedServiceCollectionExtensions
{
    /// <summary>Registers the embedded in-memory graph as the projection's store and the API's reader.</summary>
    public static IServiceCollection AddEmbeddedGraph(this IServiceCollection services)
    {
        services.AddSingleton<InMemoryGraph>();
        services.AddSingleton<IGraphStore, EmbeddedGraphStore>();
        services.AddSingleton<IGraphReader, EmbeddedGraphReader>();
        return services;
    }
}
