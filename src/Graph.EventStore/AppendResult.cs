namespace Graph.EventStore;

/// <summary>The outcome of an append.</summary>
/// <param name="Succeeded">False when the stream was not at the expected version; nothing was written.</param>
/// <param name="StreamVersion">The stream's version after the call.</param>
/// <param name="Position">The global position of the last event appended, or of the head when nothing was.</param>
public readonly record struct AppendResult(bool Succeeded, int StreamVersion, long Position);
