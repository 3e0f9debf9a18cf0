namespace Graph.Neo4j.Client;

/// <summary>
/// Neo4j refused the request (<c>Neo.ClientError.*</c>): bad Cypher, a broken constraint, a missing permission.
/// Sending it again fails the same way, so it is never retried.
/// </summary>
public class ClientException(string code, string message) : Neo4jException(code, message);
