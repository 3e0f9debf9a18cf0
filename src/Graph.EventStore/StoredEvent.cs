using Graph.Abstractions.Events;

namespace Graph.EventStore;

/// <summary>An event as the log holds it.</summary>
/// <param name="Position">Its place in the global log: unique and increasing in commit order.</param>
/// <param name="StreamId">The stream (one per grain) it belongs to.</param>
/// <param name="Version">Its place in its stream, from 1.</param>
public sealed record StoredEvent(long Position, string StreamId, int Version, GraphEvent Event, DateTimeOffset RecordedAt);
