using Graph.Neo4j.Client;
using Graph.Neo4j.Tests.Fake;

namespace Graph.Neo4j.Tests.Client;

public sealed class ErrorTests
{
    [Fact]
    public async Task A_syntax_error_is_a_client_exception_with_its_code_and_is_not_retried()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        harness.Fake.Handler = _ => throw new FakeNeo4jError("Neo.ClientError.Statement.SyntaxError", "Invalid input 'MATCHX'");

        var error = await Assert.ThrowsAsync<ClientException>(() => harness.Client().RunAsync("MATCHX (n) RETURN n"));

        Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.Code);
        Assert.Equal("Invalid input 'MATCHX'", error.Message);
        Assert.Equal(1, harness.Attempts);
    }

    [Fact]
    public async Task An_unknown_database_is_a_database_not_found_exception()
    {
        await using var harness = await QueryApiHarness.StartAsync();

        var error = await Assert.ThrowsAsync<DatabaseNotFoundException>(() => harness.Client(o => o.Database = "nope").RunAsync("RETURN 1"));

        Assert.Equal("Neo.ClientError.Database.DatabaseNotFound", error.Code);
        Assert.Equal(1, harness.Attempts);
    }

    [Fact]
    public async Task A_database_error_is_not_retried()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        harness.Fake.Handler = _ => throw new FakeNeo4jError("Neo.DatabaseError.General.UnknownError", "Boom");

        var error = await Assert.ThrowsAsync<DatabaseException>(() => harness.Client().RunAsync("RETURN 1"));

        Assert.Equal("Neo.DatabaseError.General.UnknownError", error.Code);
        Assert.Equal(1, harness.Attempts);
    }

    [Fact]
    public async Task A_terminated_transaction_is_not_retried_although_old_servers_call_it_transient()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        harness.Fake.Handler = _ => throw new FakeNeo4jError("Neo.TransientError.Transaction.Terminated", "Terminated by an administrator");

        await Assert.ThrowsAsync<ClientException>(() => harness.Client().RunAsync("RETURN 1"));

        Assert.Equal(1, harness.Attempts);
    }

    [Fact]
    public async Task A_404_for_an_unknown_path_means_no_query_api_there()
    {
        await using var harness = await QueryApiHarness.StartAsync();

        // Neo4j answers an unknown path with 404 Neo.ClientError.Request.Invalid "Not Found".
        var error = await Assert.ThrowsAsync<DatabaseNotFoundException>(
            () => harness.Client(o => o.Uri = new Uri(harness.Fake.Uri, "elsewhere/")).RunAsync("RETURN 1"));

        Assert.Equal("/elsewhere/db/neo4j/query/v2", Assert.Single(harness.Fake.Requests).Path);
        Assert.Contains("no Query API", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_that_does_not_match_the_fields_is_a_protocol_exception()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        harness.Fake.Handler = _ => new FakeResult(["a", "b"], [["only one"]]);

        var error = await Assert.ThrowsAsync<ProtocolException>(() => harness.Client().RunAsync("RETURN 1 AS a, 2 AS b"));

        Assert.Contains("not a list of 2 values", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Attempts);
    }
}
