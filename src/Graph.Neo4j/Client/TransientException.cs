namespace Graph.Neo4j.Client;

/// <summary>
/// A failure that may not happen again (<c>Neo.TransientError.*</c>): a deadlock, a leader switch, a database that is
/// starting. The client retries it; callers see it only once the retries are spent.
/// </summary>
public sealed class TransientException(string code, string message) : Neo4jException(code, message);
