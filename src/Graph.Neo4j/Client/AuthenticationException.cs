namespace Graph.Neo4j.Client;

/// <summary>
/// Neo4j did not accept the credentials (HTTP 401, usually <c>Neo.ClientError.Security.Unauthorized</c>): check
/// <see cref="Neo4jOptions.User"/>, <see cref="Neo4jOptions.Password"/> or <see cref="Neo4jOptions.BearerToken"/>.
/// </summary>
public sealed class AuthenticationException(string code, string message) : ClientException(code, message);
