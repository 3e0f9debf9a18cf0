using System.Diagnostics;
using System.Threading.Channels;
using Graph.Abstractions.Events;

namespace Graph.EventStore;

/// <summary>
/// Appends from many callers, committed together by one writer (group commit), and the log's head as it moves: what
/// every event log shares, whatever database holds it.
/// </summary>
/// <remarks>
/// The writer takes whatever is queued, up to a limit, and hands it to the store's commit in one go; each append's task
/// completes only once that commit has, with its result, or fails with the commit's exception. What is taken is
/// answered before anything more is taken, so no append waits for ever whichever step fails.
/// </remarks>
public sealed class GroupCommit : IAsyncDisposable
{
    private readonly Channel<PendingAppend> _appends = Channel.CreateUnbounded<PendingAppend>(new() { SingleReader = true });
    private readonly Task _writer;
    private TaskCompletionSource _headMoved = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _head;
    private string? _writeFailure;

    /// <param name="head">The log's head when it was opened.</param>
    /// <param name="maxAppendsPerCommit">The most appends one commit takes.</param>
    /// <param name="commit">
    /// Commits the appends that are at their expected versions in one transaction, adding each append's result to the
    /// list (one for every append taken), and returns the head after it; throws when nothing was committed.
    /// </param>
    /// <param name="failed">Told of a commit that failed, and of how many appends it failed.</param>
    /// <param name="writeFailure">Why the log cannot be written, when that is known before any write.</param>
    public GroupCommit(
        long head,
        int maxAppendsPerCommit,
        Func<IReadOnlyList<PendingAppend>, List<(PendingAppend Append, AppendResult Result)>, Task<long>> commit,
        Action<Exception, int> failed,
        string? writeFailure = null)
    {
        _head = head;
        _writeFailure = writeFailure;
        _writer = Task.Run(() => WriteLoopAsync(maxAppendsPerCommit, commit, failed));
    }

    private GroupCommit(long head)
    {
        _head = head;
        _appends.Writer.TryComplete();
        _writer = Task.CompletedTask;
    }

    /// <summary>The position of the last committed event.</summary>
    public long Head => Volatile.Read(ref _head);

    /// <summary>Why the last commit failed, or null when it (or, before any, the check at opening) succeeded.</summary>
    public string? WriteFailure => Volatile.Read(ref _writeFailure);

    /// <summary>A log opened for reading only: its head, and no writer.</summary>
    public static GroupCommit ReadOnly(long head) => new(head);

    /// <summary>Queues an append; the task completes once it is committed or refused.</summary>
    public async Task<AppendResult> AppendAsync(string streamId, int expectedVersion, IReadOnlyList<GraphEvent> events, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        cancellationToken.ThrowIfCancellationRequested();
        using var activity = EventLogTelemetry.Source.StartActivity("event-log append");
        activity?.SetTag("graph.stream", streamId);
        activity?.SetTag("graph.events", events.Count);
        var pending = new PendingAppend(streamId, expectedVersion, [.. events.Select(e => (EventSerializer.TypeNameOf(e), EventSerializer.Serialize(e)))]);
        if (!_appends.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(GroupCommit), "The event log takes no more appends: it is closed, or open for reading only.");
        }

        // Once queued, the append is committed or failed by the writer; cancellation only stops the wait.
        var result = await pending.Completion.Task.WaitAsync(cancellationToken);
        activity?.SetTag("graph.position", result.Position);
        activity?.SetTag("graph.outcome", result.Succeeded ? "committed" : "conflict");
        return result;
    }

    /// <summary>Completes once the head moves past <paramref name="knownHead"/>.</summary>
    public Task WaitForEventsAfterAsync(long knownHead, CancellationToken cancellationToken)
    {
        var moved = Volatile.Read(ref _headMoved);
        return Head > knownHead ? Task.CompletedTask : moved.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Moves the head forward (never back), waking those waiting for events, for commits made here or elsewhere.</summary>
    public void MoveHead(long position)
    {
        long known;
        do
        {
            known = Volatile.Read(ref _head);
            if (position <= known)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _head, position, known) != known);

        Interlocked.Exchange(ref _headMoved, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Takes no more appends, and completes once those queued are answered.</summary>
    public async ValueTask DisposeAsync()
    {
        _appends.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteLoopAsync(
        int maxAppendsPerCommit,
        Func<IReadOnlyList<PendingAppend>, List<(PendingAppend Append, AppendResult Result)>, Task<long>> commit,
        Action<Exception, int> failed)
    {
        var taken = new List<PendingAppend>();
        var results = new List<(PendingAppend Append, AppendResult Result)>();
        var reader = _appends.Reader;
        while (await reader.WaitToReadAsync())
        {
            taken.Clear();
            results.Clear();
            while (taken.Count < maxAppendsPerCommit && reader.TryRead(out var append))
            {
                taken.Add(append);
            }

            long head;
            using var activity = EventLogTelemetry.Source.StartActivity("event-log commit", ActivityKind.Internal, parentContext: default);
            activity?.SetTag("graph.appends", taken.Count);
            EventLogTelemetry.AppendsPerCommit.Record(taken.Count);
            try
            {
                head = await commit(taken, results);
                Volatile.Write(ref _writeFailure, null);
            }
            catch (Exception exception)
            {
                activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
                EventLogTelemetry.Appends.Add(taken.Count, new KeyValuePair<string, object?>("outcome", "failed"));
                Volatile.Write(ref _writeFailure, exception.Message);
                failed(exception, taken.Count);
                foreach (var append in taken)
                {
                    append.Completion.TrySetException(exception);
                }

                continue;
            }

            MoveHead(head);
            foreach (var (append, result) in results)
            {
                EventLogTelemetry.Appends.Add(1, new KeyValuePair<string, object?>("outcome", result.Succeeded ? "committed" : "conflict"));
                if (result.Succeeded)
                {
                    EventLogTelemetry.Events.Add(append.Events.Length);
                }

                append.Completion.TrySetResult(result);
            }
        }
    }
}

/// <summary>An append waiting for its commit: its stream, the version it expects, and its events as stored.</summary>
public sealed class PendingAppend(string streamId, int expectedVersion, (string Type, byte[] Data)[] events)
{
    public string StreamId { get; } = streamId;

    public int ExpectedVersion { get; } = expectedVersion;

    public (string Type, byte[] Data)[] Events { get; } = events;

    internal TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
