namespace Graph.Testing;

/// <summary>
/// The live Neo4j that the suites also run against when <c>NEO4J_URI</c> names its HTTP address (e.g.
/// http://localhost:7474), with <c>NEO4J_USERNAME</c>, <c>NEO4J_PASSWORD</c> and <c>NEO4J_DATABASE</c> (default
/// <c>neo4j</c>). No registry serves Neo4j, so CI runs none, and <c>REQUIRE_ALL_SUITES</c> does not ask for one.
/// </summary>
public static class LiveNeo4j
{
    /// <summary>
    /// Waits until no other test changes the live database, in this test process or another (<c>dotnet test</c> runs the
    /// test projects side by side), and keeps it for the caller until the result is disposed.
    /// </summary>
    /// <remarks>An exclusive lock on a file named for the server and database, which the system releases if the process dies.</remarks>
    public static async Task<IAsyncDisposable> UseDatabaseAsync()
    {
        var name = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{Uri} {Database}")))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"graph-tests-neo4j-{name}.lock");
        var deadline = DateTime.UtcNow.AddMinutes(20);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    public static Uri? Uri => Environment.GetEnvironmentVariable("NEO4J_URI") is { Length: > 0 } uri ? new Uri(uri) : null;

    public static string Database => Environment.GetEnvironmentVariable("NEO4J_DATABASE") is { Length: > 0 } database ? database : "neo4j";

    public static string? User => Environment.GetEnvironmentVariable("NEO4J_USERNAME") ?? Environment.GetEnvironmentVariable("NEO4J_USER");

    public static string? Password => Environment.GetEnvironmentVariable("NEO4J_PASSWORD");
}
