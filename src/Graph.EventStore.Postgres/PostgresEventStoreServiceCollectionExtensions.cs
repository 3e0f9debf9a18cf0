using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.EventStore.Postgres;

public static class PostgresEventStoreServiceCollectionExtensions
{
    /// <summary>Registers the PostgreSQL event store, configured from the <c>EventStore</c> section.</summary>
    public static IServiceCollection AddPostgresEventStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PostgresEventStoreOptions>()
            .Bind(configuration.GetSection(PostgresEventStoreOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<PostgresEventStore>();
        services.AddSingleton<IEventStore>(sp => sp.GetRequiredService<PostgresEventStore>());
        return services;
    }
}
