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
}
