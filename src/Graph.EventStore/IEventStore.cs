using Graph.Abstractions.Events;

namespace Graph.EventStore;

/// <summary>
/// An append-only log of streams, one per grain: optimistic concurrency per stream, and a global position that
/// orders every event for the projection.
/// </summary>
public interface IEventStore
{
    /// <summary>The position of the last committed event, 0 when the log is empty.</summary>
    long HeadPosition { get; }

    /// <summary>
    /// Appends <paramref name="events"/> to a stream if it is at <paramref name="expectedVersion"/>; durable when the
    /// task completes.
    /// </summary>
    Task<AppendResult> AppendAsync(string streamId, int expectedVersion, IReadOnlyList<GraphEvent> events, CancellationToken cancellationToken = default);

    /// <summary>
    /// Why the log could not be written the last time it was tried, or null when that write (or, before any, a check
    /// at opening) succeeded.
    /// </summary>
    string? WriteFailure { get; }

    /// <summary>Every event of one stream, in order.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="maxCount"/> events after <paramref name="afterPosition"/>, in global order.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Completes once the head moves past <paramref name="knownHead"/>.</summary>
    Task WaitForEventsAfterAsync(long knownHead, CancellationToken cancellationToken);
}
