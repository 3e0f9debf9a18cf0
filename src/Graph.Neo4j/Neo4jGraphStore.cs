using Graph.Neo4j.Client;
using Graph.Neo4j.Cypher;
using Graph.Projection;
using Graph.Projection.Model;

namespace Graph.Neo4j;

/// <summary>The projection's target when the graph lives in Neo4j.</summary>
/// <remarks>
/// A batch is written in one statement, so one request and one transaction: first the checkpoint is moved from the
/// batch's start to its end (no row back means another projector applied it: nothing is written), then the nodes,
/// then the relationships between nodes matched first, then the removals. Changes are folded per node and per
/// relationship beforehand, so the order of those groups cannot change the outcome, and a retried batch applies
/// exactly once.
/// </remarks>
public sealed class Neo4jGraphStore(INeo4jClient client) : IGraphStore
{
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private bool _schemaEnsured;

    /// <inheritdoc/>
    public bool IsDurable => true;

    /// <inheritdoc/>
    public async Task<long> GetCheckpointAsync(CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        var result = await client.RunAsync(CypherStatements.ReadCheckpoint.Text, Parameters(("name", CypherStatements.CheckpointName)), AccessMode.Read, cancellationToken);
        return result.Records.Count == 0 ? 0 : result.Records[0]["position"].GetInt64();
    }

    /// <inheritdoc/>
    /// <remarks>One request: <see cref="CypherStatements.ApplyBatch"/>, retried as a whole on a transient failure.</remarks>
    public async Task<bool> ApplyAsync(GraphBatch batch, CancellationToken cancellationToken = default)
    {
        var result = await client.RunAsync(CypherStatements.ApplyBatch.Text, BatchPlan.Parameters(batch), AccessMode.Write, cancellationToken);
        return result.Records.Count > 0;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// One request: <see cref="CypherStatements.TakeLease"/>. The lease is a node beside the checkpoint; its expiry is
    /// the database's time, so the processes' clocks need not agree.
    /// </remarks>
    public async Task<ProjectionLease> TakeLeaseAsync(string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        var result = await client.RunAsync(
            CypherStatements.TakeLease.Text,
            Parameters(("name", CypherStatements.CheckpointName), ("holder", holder), ("milliseconds", (long)duration.TotalMilliseconds)),
            AccessMode.Write,
            cancellationToken);
        var record = result.Records[0];
        return new ProjectionLease(record["holder"].GetString()!, TimeSpan.FromMilliseconds(record["remaining"].GetInt64()));
    }

    /// <inheritdoc/>
    public async Task ReleaseLeaseAsync(string holder, CancellationToken cancellationToken = default) =>
        await client.RunAsync(
            CypherStatements.ReleaseLease.Text,
            Parameters(("name", CypherStatements.CheckpointName), ("holder", holder)),
            AccessMode.Write,
            cancellationToken);

    /// <summary>Empties the database, for a rebuild of the projection from the whole log.</summary>
    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        foreach (var statement in CypherStatements.DeleteAll)
        {
            await client.RunAsync(statement.Text, null, AccessMode.Write, cancellationToken);
        }
    }

    /// <summary>How many nodes the database holds.</summary>
    public async Task<long> CountNodesAsync(CancellationToken cancellationToken = default) =>
        (await client.RunAsync(CypherStatements.CountNodes.Text, null, AccessMode.Read, cancellationToken)).Records[0]["nodes"].GetInt64();

    /// <summary>
    /// Creates the constraints and indexes the store and reader rely on, once per process: before the checkpoint is
    /// first read, so at start, or as soon as Neo4j is reachable. Every statement is idempotent.
    /// </summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _schemaEnsured))
        {
            return;
        }

        await _schemaLock.WaitAsync(cancellationToken);
        try
        {
            if (!_schemaEnsured)
            {
                foreach (var statement in CypherStatements.Schema)
                {
                    await client.RunAsync(statement.Text, null, AccessMode.Write, cancellationToken);
                }

                Volatile.Write(ref _schemaEnsured, true);
            }
        }
        finally
        {
            _schemaLock.Release();
        }
    }

    private static Dictionary<string, object?> Parameters(params (string Name, object? Value)[] parameters) =>
        parameters.ToDictionary(p => p.Name, p => p.Value);
}
