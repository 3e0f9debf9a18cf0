using Graph.Embedded;
using Graph.EventStore.Sqlite;
using Graph.Host.Hosting;
using Graph.Projection;
using Microsoft.Extensions.Options;

namespace Graph.Host.Commands;

/// <summary>The parts of the service a command needs, configured the same way the service is.</summary>
public static class CommandHost
{
    /// <summary>
    /// The event log and, when <paramref name="withGrains"/>, a silo hosting the grains to write through; otherwise the
    /// log is opened read-only with the embedded graph over it, beside any running service.
    /// </summary>
    public static IHost Build(IReadOnlyList<string> args, bool withGrains)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. args],
            ContentRootPath = AppContext.BaseDirectory,
        });
        // A command's output is its report; the host's own chatter would bury it.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        });
        SettingsCheck.Check(builder.Configuration);
        builder.Services.AddGraphEventLog(builder.Configuration, readOnly: !withGrains);
        if (withGrains)
        {
            builder.AddGraphSilo();
        }
        else
        {
            builder.Services.AddGraphProjection(builder.Configuration);
            builder.Services.AddEmbeddedGraph();
        }

        return builder.Build();
    }

    /// <summary>The event log the settings point at: a SQLite file's full path, or a PostgreSQL log in words.</summary>
    public static string LogPath(IReadOnlyList<string> args) => EventLogs.Describe(Settings(args));

    /// <summary>The settings a command's host would read, without building the host.</summary>
    public static IConfiguration Settings(IReadOnlyList<string> args) => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine([.. args])
        .Build();

    /// <summary>
    /// Opens the event log before the host starts, so a log that is in use, or is not one, is reported by its message
    /// alone rather than in the host's start-up failure with its stack trace.
    /// </summary>
    public static THost OpenLog<THost>(THost host)
        where THost : IHost
    {
        try
        {
            _ = host.Services.GetRequiredService<EventStore.IEventStore>();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Starts the read-only host (the log with the embedded graph over it), or, when there is no event log where the
    /// settings point, says so on <paramref name="errors"/> and returns null.
    /// </summary>
    public static async Task<IHost?> StartReaderAsync(IReadOnlyList<string> args, TextWriter errors, CancellationToken cancellationToken)
    {
        var host = Build(args, withGrains: false);
        var sqlite = EventLogs.Provider(host.Services.GetRequiredService<IConfiguration>()) == EventLogProvider.Sqlite;
        if (sqlite && Path.GetFullPath(host.Services.GetRequiredService<IOptions<SqliteEventStoreOptions>>().Value.Path) is var log && !File.Exists(log))
        {
            host.Dispose();
            errors.WriteLine($"There is no event log at {log}. Run the command where the service keeps its data, or set --EventStore:Path.");
            return null;
        }

        OpenLog(host);
        await host.StartAsync(cancellationToken);
        return host;
    }
}
