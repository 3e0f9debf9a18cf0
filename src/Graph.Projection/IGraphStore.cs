using Graph.Projection.Model;

namespace Graph.Projection;

/// <summary>Where the projection writes the graph: the embedded graph, or Neo4j.</summary>
public interface IGraphStore
{
    /// <summary>
    /// Whether the graph outlives the process. A graph that does not is rebuilt from the log before the service
    /// answers; one that does is caught up in the background, so the service can start while the store is down.
    /// </summary>
    bool IsDurable { get; }

    /// <summary>The log position up to which the store holds every event's changes.</summary>
    Task<long> GetCheckpointAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies a batch and advances the checkpoint to its end, together; does nothing when the checkpoint is no longer
    /// the batch's start (it was applied already).
    /// </summary>
    /// <returns>Whether the batch was applied.</returns>
    Task<bool> ApplyAsync(GraphBatch batch, CancellationToken cancellationToken = default);
}
