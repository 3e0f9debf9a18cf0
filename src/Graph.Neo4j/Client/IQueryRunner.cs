namespace Graph.Neo4j.Client;

/// <summary>Runs Cypher: a transaction's statements, as the official driver's <c>IAsyncQueryRunner</c> does.</summary>
public interface IQueryRunner
{
    /// <summary>Runs one statement; values travel only as parameters.</summary>
    /// <exception cref="Neo4jException">Neo4j refused the statement; the subclass tells why.</exception>
    Task<QueryResult> RunAsync(string cypher, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default);
}
