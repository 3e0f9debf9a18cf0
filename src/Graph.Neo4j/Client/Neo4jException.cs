namespace Graph.Neo4j.Client;

/// <summary>
/// A failure reported by Neo4j or met on the way to it. As in the official driver, the subclass tells what to do:
/// <see cref="ClientException"/> means fix the request, <see cref="TransientException"/> and
/// <see cref="ServiceUnavailableException"/> mean try again later (the client already has), and
/// <see cref="DatabaseException"/> means the server failed.
/// </summary>
/// <param name="code">Neo4j's status code, e.g. <c>Neo.ClientError.Statement.SyntaxError</c>.</param>
public abstract class Neo4jException(string? code, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>
    /// Neo4j's status code (<c>Neo.[Classification].[Category].[Title]</c>); null when the failure did not come from
    /// Neo4j, e.g. a refused connection.
    /// </summary>
    public string? Code { get; } = code;
}
