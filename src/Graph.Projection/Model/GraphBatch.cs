namespace Graph.Projection.Model;

/// <summary>The changes of the events after <see cref="FromCheckpoint"/> up to <see cref="ToCheckpoint"/>, in log order.</summary>
/// <remarks>A store applies a batch at most once: only when its checkpoint is still <see cref="FromCheckpoint"/>.</remarks>
public sealed record GraphBatch(long FromCheckpoint, long ToCheckpoint, IReadOnlyList<GraphChange> Changes);
