namespace Graph.Projection;

/// <summary>A write is safe in the log but the graph did not show it within the allowed time.</summary>
public sealed class ProjectionTimeoutException(long position, long checkpoint, TimeSpan waited)
    : Exception($"The write is stored (log position {position}) but the graph has not caught up within {waited.TotalSeconds:0.#} s (it is at {checkpoint}); it will appear once the projection catches up.")
{
    public long Position { get; } = position;

    public long Checkpoint { get; } = checkpoint;
}
