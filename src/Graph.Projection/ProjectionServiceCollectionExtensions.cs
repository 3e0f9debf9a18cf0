using Graph.Projection.Embedded;
using Graph.Projection.Reading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Graph.Projection;

public static class ProjectionServiceCollectionExtensions
{
    /// <summary>Registers the projector, configured from the <c>Projection</c> section.</summary>
    public static IServiceCollection AddGraphProjection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProjectionOptions>()
            .Bind(configuration.GetSection(ProjectionOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<Projector>();
        services.AddHostedService(sp => sp.GetRequiredService<Projector>());
        return services;
    }

    /// <summary>Registers the embedded in-memory graph as the projection's store and the API's reader.</summary>
    public static IServiceCollection AddEmbeddedGraph(this IServiceCollection services)
    {
        services.AddSingleton<InMemoryGraph>();
        services.AddSingleton<IGraphStore, EmbeddedGraphStore>();
        services.AddSingleton<IGraphReader, EmbeddedGraphReader>();
        return services;
    }
}
