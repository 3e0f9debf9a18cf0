using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.EventStore;

public static class EventStoreServiceCollectionExtensions
{
    /// <summary>Registers the embedded SQLite event store, configured from the <c>EventStore</c> section.</summary>
    public static IServiceCollection AddSqliteEventStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EventStoreOptions>()
            .Bind(configuration.GetSection(EventStoreOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SqliteEventStore>();
        services.AddSingleton<IEventStore>(sp => sp.GetRequiredService<SqliteEventStore>());
        return services;
    }
}
