using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Graph.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>Registers what the grains need besides the event store.</summary>
    public static IServiceCollection AddGraphGrains(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<Actors.ActorLimits>()
            .BindConfiguration(Actors.ActorLimits.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }
}
