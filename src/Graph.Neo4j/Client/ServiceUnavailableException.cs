namespace Graph.Neo4j.Client;

/// <summary>
/// Neo4j could not be reached: the connection failed, a request timed out or a proxy answered 5xx, and the retries are
/// spent. <see cref="Neo4jException.Code"/> is null.
/// </summary>
/// <remarks>A write whose answer was lost may or may not have been committed.</remarks>
public sealed class ServiceUnavailableException(string message, Exception? innerException = null)
    : Neo4jException(null, message, innerException);
