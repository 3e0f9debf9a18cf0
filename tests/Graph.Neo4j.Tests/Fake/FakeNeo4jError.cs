namespace Graph.Neo4j.Tests.Fake;

/// <summary>
/// Thrown by a <see cref="QueryApiFake.Handler"/> to make the fake answer with a Neo4j error,
/// <c>{"errors": [{"code", "message"}]}</c>, with the HTTP status Neo4j 5.26 gives that code: 401 for
/// <c>Security.Unauthorized</c>, 404 for <c>Database.DatabaseNotFound</c>, 500 for a <c>DatabaseError</c>, and 400 for
/// the rest, transient errors included.
/// </summary>
/// <param name="code">A Neo4j status code, e.g. <c>Neo.ClientError.Schema.ConstraintValidationFailed</c>.</param>
public sealed class FakeNeo4jError(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    public int Status { get; } = QueryApiFake.StatusFor(code);
}
