namespace Graph.Neo4j.Client;

/// <summary>
/// A client of Neo4j's HTTP Query API v2, shaped like the official .NET driver (<c>IDriver.ExecutableQuery</c>,
/// <c>IAsyncSession.ExecuteReadAsync</c> / <c>ExecuteWriteAsync</c>) so the driver could replace it.
/// </summary>
/// <remarks>
/// Transient failures (<c>Neo.TransientError.*</c>, whatever the HTTP status, and failed connections) are retried with
/// capped exponential backoff; a managed transaction is retried as a whole. Bookmarks from each write are carried to
/// later reads and writes, so a read after a write sees it, even on a cluster.
/// </remarks>
public interface INeo4jClient
{
    /// <summary>Runs one statement in its own transaction (<c>POST /db/{db}/query/v2</c>).</summary>
    Task<QueryResult> RunAsync(string cypher, IReadOnlyDictionary<string, object?>? parameters = null, AccessMode accessMode = AccessMode.Write, CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="work"/> in one explicit read transaction, committed when it returns.</summary>
    /// <remarks>On a transient failure the whole transaction is retried, so the work may run more than once.</remarks>
    Task<T> ExecuteReadAsync<T>(Func<IQueryRunner, Task<T>> work, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs <paramref name="work"/> in one explicit write transaction (<c>/db/{db}/query/v2/tx</c>), committed when it
    /// returns and rolled back when it throws.
    /// </summary>
    /// <remarks>
    /// On a transient failure the whole transaction is retried, so the work may run more than once; when the answer to
    /// a commit is lost, it may even run again after a commit that succeeded. Keep it idempotent (<c>MERGE</c>, not
    /// <c>CREATE</c>) and free of other side effects.
    /// </remarks>
    Task<T> ExecuteWriteAsync<T>(Func<IQueryRunner, Task<T>> work, CancellationToken cancellationToken = default);

    /// <summary>The bookmarks of the last committed write, sent with every later request.</summary>
    IReadOnlyList<string> LastBookmarks { get; }
}
