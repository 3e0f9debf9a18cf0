using Graph.Abstractions.Records;
using Graph.EventStore;
using Graph.Host.Hosting;
using Graph.Projection;
using Microsoft.Extensions.Options;

namespace Graph.Host.SampleData;

/// <summary>
/// On first start, with an empty log, records the sample data (the statements of a GeekWire article on Amazon's
/// moratorium on police use of Rekognition) so a newcomer can query at once.
/// </summary>
public sealed partial class SampleDataLoader(
    IEventStore events,
    IGrainFactory grains,
    Projector projector,
    IOptions<GraphOptions> options,
    ILogger<SampleDataLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.LoadSampleData || events.HeadPosition > 0)
        {
            return;
        }

        using var stream = typeof(SampleDataLoader).Assembly.GetManifestResourceStream("sample-data.jsonl")
            ?? throw new InvalidOperationException("The sample data is not embedded in the host.");
        using var reader = new StreamReader(stream);
        var position = 0L;
        var count = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var receipt = await GraphRecord.Parse(line, EventSerializer.Options).SendAsync(grains);
            position = Math.Max(position, receipt.Position);
            count++;
        }

        LogLoaded(count);
        try
        {
            await projector.WaitForAsync(position, cancellationToken);
        }
        catch (ProjectionTimeoutException)
        {
            // A durable graph store may be down; the sample is safe in the log and shows once the graph catches up.
            LogNotYetInGraph();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} sample records into the empty store")]
    private partial void LogLoaded(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sample data is in the event log but not yet in the graph; it will show once the graph store catches up")]
    private partial void LogNotYetInGraph();
}
