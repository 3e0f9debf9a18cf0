using Graph.Neo4j.Client;
using Graph.Neo4j.Tests.Fake;

namespace Graph.Neo4j.Tests.Client;

public sealed class TransactionTests
{
    [Fact]
    public async Task A_write_transaction_is_opened_run_and_committed_echoing_the_affinity_header()
    {
        await using var harness = await QueryApiHarness.StartAsync();

        // As a cluster member or Aura answers, by the docs; a single server sends no affinity header.
        harness.Fake.ClusterAffinity = true;
        var statements = new List<FakeStatement>();
        var committed = new List<string>();
        harness.Fake.Handler = statement =>
        {
            statements.Add(statement);
            return FakeResult.Row(["id"], statement.String("id"));
        };
        harness.Fake.OnCommit = committed.Add;

        var ids = await harness.Client().ExecuteWriteAsync(async tx =>
        {
            var first = await tx.RunAsync("MERGE (o:Organisation {id: $id}) RETURN o.id AS id", new Dictionary<string, object?> { ["id"] = "aclu" });
            var second = await tx.RunAsync("MERGE (o:Organisation {id: $id}) RETURN o.id AS id", new Dictionary<string, object?> { ["id"] = "ibm" });
            return new[] { first.Records[0]["id"].GetString()!, second.Records[0]["id"].GetString()! };
        });

        var requests = harness.Fake.Requests;
        Assert.Equal(["aclu", "ibm"], ids);
        Assert.Equal(
            [("POST", "/db/neo4j/query/v2/tx"), ("POST", $"/db/neo4j/query/v2/tx/{QueryApiFake.TransactionId(1)}"), ("POST", $"/db/neo4j/query/v2/tx/{QueryApiFake.TransactionId(1)}"), ("POST", $"/db/neo4j/query/v2/tx/{QueryApiFake.TransactionId(1)}/commit")],
            requests.Select(r => (r.Method, r.Path)));
        Assert.Null(requests[0].Affinity);
        var affinity = Assert.Single(requests.Skip(1).Select(r => r.Affinity).Distinct());
        Assert.False(string.IsNullOrEmpty(affinity));
        Assert.Equal("Write", requests[0].Json.GetProperty("accessMode").GetString());
        Assert.All(requests, r => Assert.StartsWith("application/json", r.Header("Content-Type"), StringComparison.Ordinal));
        Assert.All(statements, s => Assert.Equal((QueryApiFake.TransactionId(1), AccessMode.Write), (s.TransactionId, s.AccessMode)));
        Assert.Equal([QueryApiFake.TransactionId(1)], committed);
        Assert.Empty(harness.Fake.OpenTransactions);
    }

    [Fact]
    public async Task A_read_transaction_begins_with_access_mode_Read()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        harness.Fake.Handler = statement => FakeResult.Row(["mode"], statement.AccessMode.ToString());

        var mode = await harness.Client().ExecuteReadAsync(async tx => (await tx.RunAsync("RETURN 1")).Records[0]["mode"].GetString());

        Assert.Equal("Read", mode);
        Assert.Equal("Read", harness.Fake.Requests[0].Json.GetProperty("accessMode").GetString());
    }

    [Fact]
    public async Task A_transaction_is_rolled_back_when_the_work_throws()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        var rolledBack = new List<string>();
        var committed = new List<string>();
        harness.Fake.OnRollback = rolledBack.Add;
        harness.Fake.OnCommit = committed.Add;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Client().ExecuteWriteAsync<int>(async tx =>
        {
            await tx.RunAsync("CREATE (n)");
            throw new InvalidOperationException("The work changed its mind.");
        }));

        var last = harness.Fake.Requests[^1];
        Assert.Equal("The work changed its mind.", error.Message);
        Assert.Equal(("DELETE", $"/db/neo4j/query/v2/tx/{QueryApiFake.TransactionId(1)}"), (last.Method, last.Path));
        Assert.Equal(harness.Fake.Requests[1].Affinity, last.Affinity);
        Assert.Equal([QueryApiFake.TransactionId(1)], rolledBack);
        Assert.Empty(committed);
        Assert.Equal(3, harness.Attempts);
    }

    [Fact]
    public async Task A_transaction_that_Neo4j_closed_on_an_error_is_not_rolled_back_again()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        harness.Fake.Handler = _ => throw new FakeNeo4jError("Neo.ClientError.Schema.ConstraintValidationFailed", "Node already exists");

        await Assert.ThrowsAsync<ClientException>(() => harness.Client().ExecuteWriteAsync(tx => tx.RunAsync("CREATE (n:Organisation {id: 'dup'})")));

        Assert.Equal(["POST", "POST"], harness.Fake.Requests.Select(r => r.Method));
        Assert.Empty(harness.Fake.OpenTransactions);
    }

    [Fact]
    public async Task A_refused_commit_is_reported_and_followed_by_a_rollback_in_case_the_transaction_is_still_open()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        harness.Fake.OnCommit = _ => throw new FakeNeo4jError("Neo.ClientError.Schema.ConstraintValidationFailed", "Node already exists");

        var error = await Assert.ThrowsAsync<ClientException>(() => harness.Client().ExecuteWriteAsync(tx => tx.RunAsync("CREATE (n)")));

        var tx = QueryApiFake.TransactionId(1);
        Assert.Equal("Neo.ClientError.Schema.ConstraintValidationFailed", error.Code);
        Assert.Equal(
            [("POST", "/tx"), ("POST", $"/tx/{tx}"), ("POST", $"/tx/{tx}/commit"), ("DELETE", $"/tx/{tx}")],
            harness.Fake.Requests.Select(r => (r.Method, r.Path["/db/neo4j/query/v2".Length..])));
        Assert.Empty(harness.Fake.OpenTransactions);
    }

    [Fact]
    public async Task A_transaction_whose_work_swallowed_an_error_cannot_commit()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        harness.Fake.Handler = _ => throw new FakeNeo4jError("Neo.ClientError.Statement.SyntaxError", "Invalid input");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Client().ExecuteWriteAsync(async tx =>
        {
            await Assert.ThrowsAsync<ClientException>(() => tx.RunAsync("CRATE (n)"));
            return 0;
        }));

        Assert.Contains("Neo.ClientError.Statement.SyntaxError", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, harness.Attempts);
    }

    [Fact]
    public async Task A_transaction_that_fails_transiently_is_retried_as_a_whole()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        var calls = 0;
        var committed = new List<string>();
        harness.Fake.OnCommit = committed.Add;
        harness.Fake.Handler = _ => Interlocked.Increment(ref calls) == 2
            ? throw new FakeNeo4jError("Neo.TransientError.Transaction.DeadlockDetected", "Deadlock")
            : FakeResult.Empty;
        var runs = 0;

        await harness.Client().ExecuteWriteAsync(async tx =>
        {
            runs++;
            await tx.RunAsync("MERGE (a {id: 1})");
            await tx.RunAsync("MERGE (b {id: 2})");
            return 0;
        });

        Assert.Equal(2, runs);
        Assert.Equal([QueryApiFake.TransactionId(2)], committed);
        Assert.Equal(
            ["/tx", $"/tx/{QueryApiFake.TransactionId(1)}", $"/tx/{QueryApiFake.TransactionId(1)}", "/tx", $"/tx/{QueryApiFake.TransactionId(2)}", $"/tx/{QueryApiFake.TransactionId(2)}", $"/tx/{QueryApiFake.TransactionId(2)}/commit"],
            harness.Fake.Requests.Select(r => r.Path["/db/neo4j/query/v2".Length..]));
    }

    [Fact]
    public async Task A_commit_that_fails_transiently_retries_the_whole_transaction()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        var client = harness.Client();
        var committed = new List<string>();
        harness.Fake.OnCommit = committed.Add;
        var runs = 0;

        await client.ExecuteWriteAsync(async tx =>
        {
            if (++runs == 1)
            {
                harness.Fake.FailNextRequests(1);
            }

            return await tx.RunAsync("MERGE (a {id: 1})");
        });

        Assert.Equal(2, runs);
        Assert.Equal([QueryApiFake.TransactionId(2)], committed);
        Assert.Empty(harness.Fake.OpenTransactions);
    }

    [Fact]
    public async Task The_runner_cannot_be_used_after_the_work_returned()
    {
        await using var harness = await QueryApiHarness.StartAsync();

        var leaked = await harness.Client().ExecuteWriteAsync(tx => Task.FromResult(tx));

        await Assert.ThrowsAsync<InvalidOperationException>(() => leaked.RunAsync("RETURN 1"));
    }

    [Fact]
    public async Task A_cancelled_caller_still_rolls_back_the_open_transaction()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        var rolledBack = new List<string>();
        harness.Fake.OnRollback = rolledBack.Add;
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Client().ExecuteWriteAsync(async tx =>
        {
            await tx.RunAsync("CREATE (n)", cancellationToken: cancellation.Token);
            await cancellation.CancelAsync();
            return await tx.RunAsync("CREATE (m)", cancellationToken: cancellation.Token);
        }, cancellation.Token));

        Assert.Equal([QueryApiFake.TransactionId(1)], rolledBack);
        Assert.Equal("DELETE", harness.Fake.Requests[^1].Method);
    }
}
