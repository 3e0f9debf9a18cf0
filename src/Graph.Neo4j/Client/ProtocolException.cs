namespace Graph.Neo4j.Client;

/// <summary>
/// The server answered with something that is not the Query API's documented response, e.g. an HTML error page from a
/// proxy or a 2xx without JSON. <see cref="Neo4jException.Code"/> is null; not retried.
/// </summary>
public sealed class ProtocolException(string message) : Neo4jException(null, message);
