namespace Graph.Neo4j.Client;

/// <summary>The database itself failed (<c>Neo.DatabaseError.*</c>); not retried, as the official driver does not.</summary>
public sealed class DatabaseException(string code, string message) : Neo4jException(code, message);
