namespace Graph.Neo4j.Tests;

/// <summary>
/// The live Neo4j that the suites also run against when <c>NEO4J_URI</c> names its HTTP address (e.g.
/// http://localhost:7474), with <c>NEO4J_USERNAME</c>, <c>NEO4J_PASSWORD</c> and <c>NEO4J_DATABASE</c> (default
/// <c>neo4j</c>). No registry serves Neo4j, so CI runs none, and <c>REQUIRE_ALL_SUITES</c> does not ask for one.
/// </summary>
public static class LiveNeo4j
{
    public static Uri? Uri => Environment.GetEnvironmentVariable("NEO4J_URI") is { Length: > 0 } uri ? new Uri(uri) : null;

    public static string Database => Environment.GetEnvironmentVariable("NEO4J_DATABASE") is { Length: > 0 } database ? database : "neo4j";

    public static string? User => Environment.GetEnvironmentVariable("NEO4J_USERNAME") ?? Environment.GetEnvironmentVariable("NEO4J_USER");

    public static string? Password => Environment.GetEnvironmentVariable("NEO4J_PASSWORD");
}
