using Graph.EventStore;
using Graph.Projection.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Graph.Projection;

/// <summary>
/// Tails the global event log from the graph store's checkpoint and applies the changes in batches; lets writers wait
/// until the graph shows their write.
/// </summary>
/// <remarks>
/// Start-up completes once the graph holds every event that was in the log when the service started, so the service
/// never answers from a half-built graph.
/// </remarks>
public sealed partial class Projector(
    IEventStore events,
    IGraphStore graph,
    IOptions<ProjectionOptions> options,
    ILogger<Projector> logger) : BackgroundService
{
    private readonly ProjectionOptions _options = options.Value;
    private TaskCompletionSource _advanced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _checkpoint;

    /// <summary>The log position up to which the graph shows every event.</summary>
    public long Checkpoint => Volatile.Read(ref _checkpoint);

    /// <summary>How many events the graph is behind the log.</summary>
    public long Lag => Math.Max(0, events.HeadPosition - Checkpoint);

    /// <summary>Completes once the graph shows every event up to <paramref name="position"/>.</summary>
    /// <exception cref="ProjectionTimeoutException">The graph did not catch up within the read-your-writes timeout.</exception>
    public async Task WaitForAsync(long position, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ReadYourWritesTimeout);
        try
        {
            while (Checkpoint < position)
            {
                var advanced = Volatile.Read(ref _advanced).Task;
                if (Checkpoint >= position)
                {
                    break;
                }

                await advanced.WaitAsync(timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProjectionTimeoutException(position, Checkpoint, _options.ReadYourWritesTimeout);
        }
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var head = events.HeadPosition;
        Advance(await graph.GetCheckpointAsync(cancellationToken));
        while (Checkpoint < head)
        {
            await ProjectNextBatchAsync(cancellationToken);
        }

        LogCaughtUp(Checkpoint, (DateTimeOffset.UtcNow - started).TotalMilliseconds);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await ProjectNextBatchAsync(stoppingToken))
                {
                    await WaitForNewEventsAsync(stoppingToken);
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(_options.MaxRetryDelay.TotalMilliseconds, 100 * Math.Pow(2, Math.Min(failures, 20))));
                LogProjectionFailed(exception, Checkpoint, delay.TotalMilliseconds);
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task WaitForNewEventsAsync(CancellationToken stoppingToken)
    {
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        poll.CancelAfter(_options.PollInterval);
        try
        {
            await events.WaitForEventsAfterAsync(Checkpoint, poll.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Polling covers events appended by another process sharing the log.
        }
    }

    /// <returns>Whether there were events to project.</returns>
    private async Task<bool> ProjectNextBatchAsync(CancellationToken cancellationToken)
    {
        var from = Checkpoint;
        var batch = await events.ReadAllAsync(from, _options.BatchSize, cancellationToken);
        if (batch.Count == 0)
        {
            return false;
        }

        var changes = batch.SelectMany(GraphProjection.ToChanges).ToList();
        var to = batch[^1].Position;
        if (!await graph.ApplyAsync(new GraphBatch(from, to, changes), cancellationToken))
        {
            // Another projector applied it first; carry on from where the store is.
            Advance(await graph.GetCheckpointAsync(cancellationToken));
            return true;
        }

        Advance(to);
        return true;
    }

    private void Advance(long checkpoint)
    {
        Volatile.Write(ref _checkpoint, checkpoint);
        Interlocked.Exchange(ref _advanced, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The graph is current at log position {Checkpoint} ({Milliseconds:0} ms to catch up at start)")]
    private partial void LogCaughtUp(long checkpoint, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Projecting after log position {Checkpoint} failed; retrying in {DelayMs:0} ms")]
    private partial void LogProjectionFailed(Exception exception, long checkpoint, double delayMs);
}
