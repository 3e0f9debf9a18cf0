using System.Diagnostics;
using System.Globalization;
using Graph.EventStore;
using Graph.Host.Hosting;
using Graph.Neo4j;
using Graph.Projection;
using Microsoft.Extensions.Options;

namespace Graph.Host.Commands;

/// <summary>
/// <c>rebuild-projection [--force]</c>: replays the whole event log into an empty Neo4j database, with progress; for
/// disaster recovery and after model changes.
/// </summary>
/// <remarks>
/// Replays with the service's own projector, reading the log (read-only) ahead while batches are applied. Safe
/// alongside a running service: each batch moves the database's checkpoint with a compare-and-set, so a batch applies
/// once whoever gets there first.
/// </remarks>
public static class RebuildProjectionCommand
{
    /// <summary>Reports each batch as it is applied, in order, unlike <see cref="Progress{T}"/>.</summary>
    private sealed class ReplayProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        var force = args.Contains("--force");
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. args.Where(a => a != "--force")],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Services.AddGraphEventLog(builder.Configuration, readOnly: true);
        builder.Services.AddGraphProjection(builder.Configuration);
        builder.Services.AddNeo4jGraph(builder.Configuration);
        using var host = builder.Build();
        var events = host.Services.GetRequiredService<IEventStore>();
        var neo4j = host.Services.GetRequiredService<Neo4jGraphStore>();

        try
        {
            await neo4j.EnsureSchemaAsync();
            var nodes = await neo4j.CountNodesAsync();
            if (nodes > 0 && !force)
            {
                errors.WriteLine($"The Neo4j database holds {nodes} nodes; rebuild-projection needs an empty one. Run it with --force to empty the database first.");
                return 1;
            }

            if (nodes > 0)
            {
                output.WriteLine($"Emptying the Neo4j database ({nodes} nodes)...");
                await neo4j.ClearAsync();
            }

            var head = events.HeadPosition;
            var clock = Stopwatch.StartNew();
            output.WriteLine($"Replaying {head} events into Neo4j...");
            var reached = await host.Services.GetRequiredService<Projector>().ReplayAsync(
                new ReplayProgress(position => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {position,12:N0} of {head:N0} events ({100.0 * position / head,5:0.0}%), {position / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0} events/s"))),
                CancellationToken.None);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Rebuilt the graph from {reached:N0} events in {clock.Elapsed.TotalSeconds:0.0} s."));
            return 0;
        }
        catch (Exception exception) when (exception is Neo4j.Client.Neo4jException or HttpRequestException or OptionsValidationException)
        {
            errors.WriteLine($"rebuild-projection failed: {exception.Message}");
            return 1;
        }
    }
}
