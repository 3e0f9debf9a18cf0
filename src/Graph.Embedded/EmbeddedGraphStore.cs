using Graph.Projection;
using Graph.Projection.Model;

namespace Graph.Embedded;

/// <summary>The projection's target when the graph is embedded: the in-memory graph, rebuilt from the log at start.</summary>
public sealed class EmbeddedGraphStore(InMemoryGraph graph) : IGraphStore
{
    /// <inheritdoc/>
    public bool IsDurable => false;

    /// <inheritdoc/>
    public Task<long> GetCheckpointAsync(CancellationToken cancellationToken = default) => Task.FromResult(graph.Checkpoint);

    /// <inheritdoc/>
    public Task<bool> ApplyAsync(GraphBatch batch, CancellationToken cancellationToken = default) => Task.FromResult(graph.Apply(batch));

    /// <inheritdoc/>
    /// <remarks>A graph in this process's memory is this process's alone: whoever asks holds it.</remarks>
    public Task<ProjectionLease> TakeLeaseAsync(string holder, TimeSpan duration, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ProjectionLease(holder, duration));

    /// <inheritdoc/>
    public Task ReleaseLeaseAsync(string holder, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
