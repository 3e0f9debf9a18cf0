namespace Graph.Testing;

/// <summary>
/// The PostgreSQL the tests may use: <c>GRAPH_TEST_POSTGRES</c>, an Npgsql connection string to a database the tests
/// may create schemas in. <c>.ci/run</c> starts Debian's PostgreSQL on loopback and sets it.
/// </summary>
public static class LivePostgres
{
    public static string? ConnectionString => Environment.GetEnvironmentVariable("GRAPH_TEST_POSTGRES") is { Length: > 0 } value ? value : null;

    /// <summary>Skips (or under <c>REQUIRE_ALL_SUITES=1</c> fails) when no PostgreSQL is given; returns its connection string.</summary>
    public static string Require()
    {
        Requirements.Require(
            ConnectionString is not null,
            "PostgreSQL: set GRAPH_TEST_POSTGRES to a connection string (see .ci/run, which installs Debian's postgresql and starts it on loopback)");
        return ConnectionString!;
    }
}
