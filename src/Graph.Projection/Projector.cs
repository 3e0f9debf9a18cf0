using Graph.EventStore;
using Graph.Projection.Model;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Graph.Projection;

/// <summary>
/// Tails the global event log from the graph store's checkpoint and applies the changes in batches; lets writers wait
/// until the graph shows their write.
/// </summary>
/// <remarks>
/// With a graph that does not outlive the process, start-up completes once the graph holds every event that was in the
/// log when the service started, so the service never answers from a half-built graph. A durable graph (Neo4j) is
/// caught up in the background, so writes are taken even while it is down; failures are retried with capped backoff.
/// <para>
/// A durable graph can be shared by several processes (API nodes reading one Neo4j): each holds a projector, and the
/// store's lease elects the one that writes. The others follow: they read the store's checkpoint while the log is
/// ahead of it, so waiting for a position works on every node, and take over when the lease is given up at stop or
/// expires after its holder died.
/// </para>
/// </remarks>
public sealed partial class Projector : BackgroundService
{
    /// <summary>The name of the meter the projection's lag is reported on.</summary>
    public const string MeterName = "Graph.Projection";

    /// <summary>The projection's spans: one for each batch of the log it applies to the graph.</summary>
    public static readonly ActivitySource ActivitySource = new(MeterName);

    private readonly IEventStore _events;
    private readonly IGraphStore _graph;
    private readonly ProjectionOptions _options;
    private readonly ILogger<Projector> _logger;
    private readonly TimeProvider _clock;
    private TaskCompletionSource _advanced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _checkpoint;
    private long _firstPendingRecordedAtTicks;
    private long _leaseDeadline;
    private string? _leaseHolder;

    public Projector(IEventStore events, IGraphStore graph, IOptions<ProjectionOptions> options, ILogger<Projector> logger, IMeterFactory meters, TimeProvider clock)
    {
        _events = events;
        _graph = graph;
        _options = options.Value;
        _logger = logger;
        _clock = clock;
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("graph.projection.lag.events", () => Lag, "{event}", "Events in the log that the graph does not show yet.");
        meter.CreateObservableGauge("graph.projection.lag.seconds", () => LagTime.TotalSeconds, "s", "How long the oldest event the graph does not show has waited.");
        meter.CreateObservableGauge("graph.projection.checkpoint", () => Checkpoint, "{position}", "The log position up to which the graph shows every event.");
        meter.CreateObservableGauge("graph.projection.lease.held", () => HoldsLease ? 1 : 0, "{lease}", "1 while this process is the one projecting into the shared graph store.");
        Name = string.IsNullOrWhiteSpace(_options.LeaseHolder)
            ? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}"
            : _options.LeaseHolder;
    }

    /// <summary>How this process names itself as the holder of the projection's lease (<see cref="ProjectionOptions.LeaseHolder"/>).</summary>
    public string Name { get; }

    /// <summary>
    /// Whether this process writes the graph: always for a graph of its own; for a shared one, while it holds the lease
    /// by its own clock, counted from before the request that took or renewed it.
    /// </summary>
    public bool HoldsLease => !_graph.IsDurable || _clock.GetTimestamp() < Volatile.Read(ref _leaseDeadline);

    /// <summary>Who held the projection's lease when last asked (this process's <see cref="Name"/> or another's); null before the store answered.</summary>
    public string? LeaseHolder => _graph.IsDurable ? Volatile.Read(ref _leaseHolder) : Name;

    /// <summary>The log position up to which the graph shows every event.</summary>
    public long Checkpoint => Volatile.Read(ref _checkpoint);

    /// <summary>How many events the graph is behind the log.</summary>
    public long Lag => Math.Max(0, _events.HeadPosition - Checkpoint);

    /// <summary>How long the oldest event the graph does not show yet has been in the log; zero when caught up.</summary>
    public TimeSpan LagTime
    {
        get
        {
            var ticks = Interlocked.Read(ref _firstPendingRecordedAtTicks);
            return ticks == 0 || Lag == 0 ? TimeSpan.Zero : _clock.GetUtcNow() - new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

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
        if (!_graph.IsDurable)
        {
            var started = _clock.GetUtcNow();

            // Nothing is served until the graph is built, so collect garbage for throughput, not short pauses: with
            // background collections the heap's growth keeps the second core busy marking.
            var latency = GCSettings.LatencyMode;
            GCSettings.LatencyMode = GCLatencyMode.Batch;
            try
            {
                await ReplayAsync(progress: null, cancellationToken);
            }
            finally
            {
                GCSettings.LatencyMode = latency;
            }

            LogCaughtUp(Checkpoint, (_clock.GetUtcNow() - started).TotalMilliseconds);
        }

        await base.StartAsync(cancellationToken);
    }

    /// <summary>
    /// Brings the graph up to the log's head as it is now, from the store's own checkpoint: at start for a graph that
    /// does not outlive the process, and for <c>rebuild-projection</c>.
    /// </summary>
    /// <param name="progress">Told the checkpoint after each batch.</param>
    /// <returns>The log position the graph shows every event up to.</returns>
    public async Task<long> ReplayAsync(IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var head = _events.HeadPosition;
        Advance(await _graph.GetCheckpointAsync(cancellationToken));
        while (Checkpoint < head)
        {
            await CatchUpAsync(head, progress, cancellationToken);
        }

        return Checkpoint;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_graph.IsDurable)
        {
            await ProjectAsync(stoppingToken);
            return;
        }

        using var stopLeasing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var leasing = Task.Run(() => KeepLeaseAsync(stopLeasing.Token), CancellationToken.None);
        try
        {
            await ProjectAsync(stoppingToken);
        }
        finally
        {
            await stopLeasing.CancelAsync();
            await leasing;
        }
    }

    private async Task ProjectAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        var checkpointKnown = !_graph.IsDurable;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!HoldsLease)
                {
                    await FollowAsync(stoppingToken);
                    checkpointKnown = false;
                    continue;
                }

                if (!checkpointKnown)
                {
                    Advance(await _graph.GetCheckpointAsync(stoppingToken));
                    checkpointKnown = true;
                    LogResuming(Checkpoint, Lag);
                }

                // Far behind (a store that was down, an import), read ahead while batches are applied; otherwise
                // project what there is and wait for more.
                var head = _events.HeadPosition;
                if (head - Checkpoint > _options.BatchSize)
                {
                    await CatchUpAsync(head, progress: null, stoppingToken);
                }
                else if (!await ProjectNextBatchAsync(stoppingToken))
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
                LogProjectionFailed(exception, Checkpoint, Lag, delay.TotalMilliseconds);
                await Task.Delay(delay, _clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>
    /// Projects the log up to <paramref name="head"/>, reading and mapping the next batches while one is applied, so
    /// the two halves of the work overlap: on two cores each takes about one, and with Neo4j the next batch is ready
    /// when the last one commits. Returns early when another projector moved the graph.
    /// </summary>
    private async Task CatchUpAsync(long head, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var batches = Channel.CreateBounded<(GraphBatch Batch, DateTimeOffset FirstRecordedAt)>(
            new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadAheadAsync(Checkpoint, head, batches.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var (batch, firstRecordedAt) in batches.Reader.ReadAllAsync(cancellationToken))
            {
                if (!HoldsLease)
                {
                    return;
                }

                Interlocked.CompareExchange(ref _firstPendingRecordedAtTicks, firstRecordedAt.UtcTicks, 0);
                if (!await _graph.ApplyAsync(batch, cancellationToken))
                {
                    // Another projector moved the graph; carry on from where it is.
                    Advance(await _graph.GetCheckpointAsync(cancellationToken));
                    return;
                }

                Advance(batch.ToCheckpoint);
                progress?.Report(batch.ToCheckpoint);
            }
        }
        finally
        {
            // Reading ahead never throws: its failure reaches the loop above through the channel.
            await stop.CancelAsync();
            await reading;
        }
    }

    private async Task ReadAheadAsync(
        long from, long head, ChannelWriter<(GraphBatch Batch, DateTimeOffset FirstRecordedAt)> batches, CancellationToken cancellationToken)
    {
        try
        {
            while (from < head)
            {
                var events = await _events.ReadAllAsync(from, _options.BatchSize, cancellationToken);
                if (events.Count == 0)
                {
                    break;
                }

                var to = events[^1].Position;
                await batches.WriteAsync((new GraphBatch(from, to, [.. events.SelectMany(GraphProjection.ToChanges)]), events[0].RecordedAt), cancellationToken);
                from = to;
            }

            batches.Complete();
        }
        catch (Exception exception)
        {
            batches.Complete(exception);
        }
    }

    private async Task WaitForNewEventsAsync(CancellationToken stoppingToken)
    {
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        poll.CancelAfter(_options.PollInterval);
        try
        {
            await _events.WaitForEventsAfterAsync(Checkpoint, poll.Token);
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
        var batch = await _events.ReadAllAsync(from, _options.BatchSize, cancellationToken);
        if (batch.Count == 0)
        {
            return false;
        }

        Interlocked.CompareExchange(ref _firstPendingRecordedAtTicks, batch[0].RecordedAt.UtcTicks, 0);
        var changes = batch.SelectMany(GraphProjection.ToChanges).ToList();
        var to = batch[^1].Position;
        using var activity = ActivitySource.StartActivity("projection batch");
        activity?.SetTag("graph.from", from);
        activity?.SetTag("graph.to", to);
        activity?.SetTag("graph.events", batch.Count);
        if (!await _graph.ApplyAsync(new GraphBatch(from, to, changes), cancellationToken))
        {
            // Another projector applied it first; carry on from where the store is.
            Advance(await _graph.GetCheckpointAsync(cancellationToken));
            return true;
        }

        Advance(to);
        return true;
    }

    /// <summary>
    /// Stands by while another process projects into the shared store: reads the store's checkpoint while the log is
    /// ahead of it, so that waiting for a position works here too, and otherwise waits for the log to move.
    /// </summary>
    private async Task FollowAsync(CancellationToken stoppingToken)
    {
        if (_events.HeadPosition > Checkpoint)
        {
            var checkpoint = await _graph.GetCheckpointAsync(stoppingToken);
            if (checkpoint != Checkpoint)
            {
                Advance(checkpoint);
            }

            if (_events.HeadPosition > Checkpoint)
            {
                await Task.Delay(_options.FollowInterval, _clock, stoppingToken);
            }
        }
        else
        {
            await WaitForNewEventsAsync(stoppingToken);
        }
    }

    /// <summary>
    /// Takes the shared store's lease, or renews it, every third of its duration, until stopped; then gives it up so
    /// another process takes over at once. A failed attempt is logged and left to the lease's expiry.
    /// </summary>
    private async Task KeepLeaseAsync(CancellationToken stoppingToken)
    {
        var renewEvery = _options.LeaseDuration / 3;
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sentAt = _clock.GetTimestamp();
                var lease = await _graph.TakeLeaseAsync(Name, _options.LeaseDuration, stoppingToken);
                var held = lease.Holder == Name;
                Volatile.Write(ref _leaseDeadline, held ? sentAt + (long)(lease.Remaining.TotalSeconds * _clock.TimestampFrequency) : 0);
                var previous = Interlocked.Exchange(ref _leaseHolder, lease.Holder);
                if (previous != lease.Holder)
                {
                    if (held)
                    {
                        LogLeaseTaken(Name);
                    }
                    else
                    {
                        LogLeaseHeldElsewhere(lease.Holder, lease.Remaining.TotalSeconds);
                    }
                }

                failing = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                if (!failing)
                {
                    LogLeaseFailed(exception);
                }

                failing = true;
            }

            try
            {
                await Task.Delay(renewEvery, _clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        if (Interlocked.Exchange(ref _leaseDeadline, 0) != 0)
        {
            using var release = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _graph.ReleaseLeaseAsync(Name, release.Token);
                LogLeaseReleased(Name);
            }
            catch (Exception exception)
            {
                LogLeaseReleaseFailed(exception, Name, _options.LeaseDuration.TotalSeconds);
            }
        }
    }

    private void Advance(long checkpoint)
    {
        Volatile.Write(ref _checkpoint, checkpoint);
        Interlocked.Exchange(ref _firstPendingRecordedAtTicks, 0);
        Interlocked.Exchange(ref _advanced, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The graph is current at log position {Checkpoint} ({Milliseconds:0} ms to catch up at start)")]
    private partial void LogCaughtUp(long checkpoint, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Projecting into the graph from log position {Checkpoint}, {Lag} events behind")]
    private partial void LogResuming(long checkpoint, long lag);

    [LoggerMessage(Level = LogLevel.Information, Message = "This process ({Holder}) now projects into the shared graph store")]
    private partial void LogLeaseTaken(string holder);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Holder} projects into the shared graph store (its lease runs {Seconds:0.0} s more); this process follows")]
    private partial void LogLeaseHeldElsewhere(string holder, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Taking or renewing the lease to project into the shared graph store failed; retrying every third of the lease")]
    private partial void LogLeaseFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "This process ({Holder}) gave up the lease to project into the shared graph store")]
    private partial void LogLeaseReleased(string holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Giving up the lease of {Holder} failed; another process takes over when it expires, within {Seconds:0} s")]
    private partial void LogLeaseReleaseFailed(Exception exception, string holder, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Projecting after log position {Checkpoint} failed ({Lag} events behind); retrying in {DelayMs:0} ms")]
    private partial void LogProjectionFailed(Exception exception, long checkpoint, long lag, double delayMs);
}
