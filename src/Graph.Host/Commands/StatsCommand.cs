using System.Globalization;
using Graph.EventStore;
using Graph.EventStore.Sqlite;
using Graph.Host.Hosting;
using Graph.Projection;
using Graph.Embedded;

namespace Graph.Host.Commands;

/// <summary><c>stats</c>: what the event log holds and the graph built from it.</summary>
public static class StatsCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> hostArgs, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        using var host = await CommandHost.StartReaderAsync(hostArgs, errors, cancellationToken);
        if (host is null)
        {
            return 1;
        }

        var replay = DateTime.UtcNow - started;
        var events = host.Services.GetRequiredService<IEventStore>();
        var (nodes, relationships) = host.Services.GetRequiredService<InMemoryGraph>().Count();
        var settings = host.Services.GetRequiredService<IConfiguration>();
        var log = EventLogs.Describe(settings);
        var (where, counts) = events switch
        {
            SqliteEventStore sqlite => (string.Create(CultureInfo.InvariantCulture, $"{log} ({new FileInfo(log).Length / 1048576.0:0.0} MiB)"), await sqlite.CountByTypeAsync(cancellationToken)),
            Graph.EventStore.Postgres.PostgresEventStore postgres => (log, await postgres.CountByTypeAsync(cancellationToken)),
            _ => (log, []),
        };
        output.WriteLine($"Event log    {where}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Events       {events.HeadPosition,12:N0}"));
        foreach (var (type, count) in counts)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {type,-34}{count,12:N0}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Graph        {nodes,12:N0} nodes, {relationships:N0} relationships, replayed in {replay.TotalSeconds:0.0} s (at {host.Services.GetRequiredService<Projector>().Checkpoint:N0})"));
        await host.StopAsync(CancellationToken.None);

        return 0;
    }
}
