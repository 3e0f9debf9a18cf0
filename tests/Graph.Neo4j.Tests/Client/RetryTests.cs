using Graph.Neo4j.Client;
using Graph.Neo4j.Tests.Fake;

namespace Graph.Neo4j.Tests.Client;

public sealed class RetryTests
{
    [Fact]
    public async Task A_transient_error_is_retried_until_it_succeeds()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        harness.Fake.FailNextRequests(2);
        harness.Fake.Handler = _ => FakeResult.Row(["ok"], true);

        var result = await harness.Client().RunAsync("RETURN true AS ok");

        Assert.True(Assert.Single(result.Records)["ok"].GetBoolean());
        Assert.Equal(3, harness.Fake.Requests.Count);
    }

    [Fact]
    public async Task A_transient_error_that_persists_is_reported_after_the_last_retry()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        harness.Fake.FailNextRequests(100, "Neo.TransientError.Transaction.DeadlockDetected");

        var error = await Assert.ThrowsAsync<TransientException>(() => harness.Client(o => o.MaxRetries = 4).RunAsync("RETURN 1"));

        Assert.Equal("Neo.TransientError.Transaction.DeadlockDetected", error.Code);
        Assert.Equal(5, harness.Fake.Requests.Count);
    }

    [Fact]
    public async Task No_retries_are_made_when_MaxRetries_is_zero()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        harness.Fake.FailNextRequests(1);

        await Assert.ThrowsAsync<TransientException>(() => harness.Client(o => o.MaxRetries = 0).RunAsync("RETURN 1"));

        Assert.Equal(1, harness.Attempts);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_reported_as_service_unavailable()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        await harness.Fake.StopAsync();

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => harness.Client(o => o.MaxRetries = 2).RunAsync("RETURN 1"));

        Assert.Null(error.Code);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(3, harness.Attempts);
    }

    [Fact]
    public async Task A_query_sent_during_a_short_outage_succeeds_once_Neo4j_is_back()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        var client = harness.Client(o => (o.MaxRetries, o.RetryDelay, o.MaxRetryDelay) = (50, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50)));
        await harness.Fake.StopAsync();

        var query = client.RunAsync("RETURN 1");
        while (harness.Attempts < 2)
        {
            await Task.Delay(10);
        }

        await harness.Fake.RestartAsync();
        await query;

        Assert.Single(harness.Fake.Requests);
        Assert.True(harness.Attempts > 2);
    }

    [Fact]
    public async Task A_503_from_a_load_balancer_is_retried_then_reported_as_service_unavailable()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        harness.Fake.Unavailable = true;

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => harness.Client().RunAsync("RETURN 1"));

        Assert.Contains("HTTP 503", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, harness.Fake.Requests.Count);
    }

    [Fact]
    public async Task A_request_that_times_out_is_retried_then_reported_as_service_unavailable()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        harness.Fake.ResponseDelay = TimeSpan.FromSeconds(30);

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(
            () => harness.Client(o => (o.RequestTimeout, o.MaxRetries) = (TimeSpan.FromMilliseconds(150), 1)).RunAsync("RETURN 1"));

        Assert.Contains("did not answer", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, harness.Attempts);
    }

    [Fact]
    public async Task Cancelling_the_caller_is_not_retried()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        harness.Fake.ResponseDelay = TimeSpan.FromSeconds(30);
        using var cancellation = new CancellationTokenSource();

        var query = harness.Client().RunAsync("RETURN 1", cancellationToken: cancellation.Token);
        while (harness.Fake.Requests.Count < 1)
        {
            await Task.Delay(10);
        }

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => query);
        Assert.Equal(1, harness.Attempts);
    }

    [Fact]
    public async Task A_caller_cancelled_between_retries_is_not_retried_further()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        harness.Fake.FailNextRequests(100);
        using var cancellation = new CancellationTokenSource();
        var client = harness.Client(o => (o.MaxRetries, o.RetryDelay, o.MaxRetryDelay) = (10, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)));

        var query = client.RunAsync("RETURN 1", cancellationToken: cancellation.Token);
        while (harness.Fake.Requests.Count < 1)
        {
            await Task.Delay(10);
        }

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => query);
        Assert.Equal(1, harness.Attempts);
    }
}
