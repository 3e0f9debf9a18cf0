namespace Graph.Neo4j.Client;

/// <summary>
/// The server has no database of that name (<c>Neo.ClientError.Database.DatabaseNotFound</c>, or HTTP 404 without a
/// Neo4j error, which also means the address has no Query API): check <see cref="Neo4jOptions.Database"/> and
/// <see cref="Neo4jOptions.Uri"/>.
/// </summary>
public sealed class DatabaseNotFoundException(string code, string message) : ClientException(code, message);
