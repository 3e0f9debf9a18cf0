using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.EventStore.Sqlite;

public static class SqliteEventStoreServiceCollectionExtensions
{
    /// <summary>Registers the embedded SQLite event store, configured from the <c>EventStore</c> section.</summary>
    public static IServiceCollection AddSqliteEventStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SqliteEventStoreOptions>()
            .Bind(configuration.GetSection(SqliteEventStoreOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SqliteEventStore>();
        services.AddSingleton<IEventStore>(sp => sp.GetRequiredService<SqliteEventStore>());
        return services;
    }
}
