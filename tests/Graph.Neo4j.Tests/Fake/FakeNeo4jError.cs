namespace Graph.Neo4j.Tests.Fake;

/// <summary>
/// Thrown by a <see cref="QueryApiFake.Handler"/> to make the fake answer with a Neo4j error:
/// <c>{"errors": [{"code", "message"}]}</c>.
/// </summary>
/// <param name="code">A Neo4j status code, e.g. <c>Neo.ClientError.Schema.ConstraintValidationFailed</c>.</param>
/// <param name="status">The HTTP status; by default 401 for <c>Security.Unauthorized</c>, 404 for
/// <c>Database.DatabaseNotFound</c> and 400 otherwise. The docs also describe 202 for every error but authentication,
/// which a test can ask for here.</param>
public sealed class FakeNeo4jError(string code, string message, int? status = null) : Exception(message)
{
    public string Code { get; } = code;

    public int Status { get; } = status ?? QueryApiFake.StatusFor(code);
}
