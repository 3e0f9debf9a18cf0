using Graph.EventStore.Postgres;
using Graph.EventStore.Sqlite;

namespace Graph.Host.Hosting;

/// <summary>Which database holds the event log (<c>EventStore:Provider</c>).</summary>
public enum EventLogProvider
{
    /// <summary>An embedded SQLite file, written by one process: the default, with nothing to install.</summary>
    Sqlite,

    /// <summary>PostgreSQL, shared by every process of a cluster.</summary>
    Postgres,
}

/// <summary>Registers the event log the settings choose.</summary>
public static class EventLogs
{
    public const string ProviderKey = "EventStore:Provider";

    /// <summary>The provider the settings name; a clear error for one they misspell.</summary>
    public static EventLogProvider Provider(IConfiguration configuration) => configuration[ProviderKey] switch
    {
        null or "" => EventLogProvider.Sqlite,
        var name when Enum.TryParse<EventLogProvider>(name, ignoreCase: true, out var provider) && Enum.IsDefined(provider) => provider,
        var name => throw new SettingsException(
            $"{ProviderKey} is '{name}'; it must be one of {string.Join(", ", Enum.GetNames<EventLogProvider>())}."),
    };

    /// <summary>
    /// The event log of the settings; <paramref name="readOnly"/> for a process that only reads it beside a service
    /// that writes it (a SQLite log is then opened read-only; a PostgreSQL one takes readers as it is).
    /// </summary>
    public static IServiceCollection AddGraphEventLog(this IServiceCollection services, IConfiguration configuration, bool readOnly = false)
    {
        if (Provider(configuration) == EventLogProvider.Postgres)
        {
            return services.AddPostgresEventStore(configuration);
        }

        services.AddSqliteEventStore(configuration);
        if (readOnly)
        {
            services.PostConfigure<SqliteEventStoreOptions>(options => options.ReadOnly = true);
        }

        return services;
    }

    /// <summary>Where the log is, in words: a file's full path, or a PostgreSQL schema and server.</summary>
    public static string Describe(IConfiguration configuration)
    {
        if (Provider(configuration) == EventLogProvider.Postgres)
        {
            var options = configuration.GetSection(PostgresEventStoreOptions.SectionName).Get<PostgresEventStoreOptions>() ?? new();
            var connection = new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString);
            return $"the PostgreSQL event log (schema {options.Schema} of database {connection.Database} on {connection.Host}:{connection.Port})";
        }

        return Path.GetFullPath(configuration[$"{SqliteEventStoreOptions.SectionName}:Path"] ?? new SqliteEventStoreOptions().Path);
    }
}
