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

    /// <summary>
    /// Takes the projection's lease for <paramref name="holder"/>, or renews it, unless another process holds it and
    /// it has not expired. Several processes can project into one durable store; the lease keeps all but one of them
    /// standing by. It is not what keeps the graph right (batches are applied exactly once by the checkpoint's
    /// compare-and-set whoever sends them), but what keeps them from doing the same work and contending for the store.
    /// </summary>
    /// <returns>Who holds the lease after the attempt.</returns>
    Task<ProjectionLease> TakeLeaseAsync(string holder, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up if <paramref name="holder"/> still holds it, so another process takes it without waiting for it to expire.</summary>
    Task ReleaseLeaseAsync(string holder, CancellationToken cancellationToken = default);
}
