using Graph.Neo4j.Client;
using Graph.Neo4j.Tests.Fake;

namespace Graph.Neo4j.Tests.Client;

public sealed class BookmarkTests
{
    [Fact]
    public async Task Bookmarks_from_a_write_are_sent_with_the_next_read()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        var client = harness.Client();

        var write = await client.RunAsync("CREATE (n)");
        await client.RunAsync("MATCH (n) RETURN n", accessMode: AccessMode.Read);

        var read = harness.Fake.Requests[1].Json;
        Assert.Equal([QueryApiFake.Bookmark(1)], write.Bookmarks);
        Assert.Equal([QueryApiFake.Bookmark(1)], read.GetProperty("bookmarks").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal("Read", read.GetProperty("accessMode").GetString());
    }

    [Fact]
    public async Task Bookmarks_from_a_committed_transaction_are_sent_when_the_next_transaction_begins()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        var client = harness.Client();

        await client.ExecuteWriteAsync(tx => tx.RunAsync("CREATE (n)"));
        var afterCommit = client.LastBookmarks;
        FakeStatement? read = null;
        harness.Fake.Handler = statement =>
        {
            read = statement;
            return FakeResult.Empty;
        };
        await client.ExecuteReadAsync(tx => tx.RunAsync("MATCH (n) RETURN n"));

        Assert.Equal([QueryApiFake.Bookmark(1)], afterCommit);
        Assert.Equal([QueryApiFake.Bookmark(1)], read!.Bookmarks);
        Assert.Equal([QueryApiFake.Bookmark(2)], client.LastBookmarks);
    }

    [Fact]
    public async Task Concurrent_writes_keep_each_others_bookmarks()
    {
        await using var harness = await QueryApiHarness.StartAsync();
        var client = harness.Client();
        using var bothArrived = new Barrier(2);
        harness.Fake.Handler = _ =>
        {
            bothArrived.SignalAndWait(TimeSpan.FromSeconds(10));
            return FakeResult.Empty;
        };

        await Task.WhenAll(client.RunAsync("CREATE (a)"), client.RunAsync("CREATE (b)"));
        harness.Fake.Handler = _ => FakeResult.Empty;
        await client.RunAsync("MATCH (n) RETURN n", accessMode: AccessMode.Read);

        Assert.Equal([QueryApiFake.Bookmark(1), QueryApiFake.Bookmark(2)], harness.Fake.Requests[2].Json.GetProperty("bookmarks").EnumerateArray().Select(b => b.GetString()).Order(StringComparer.Ordinal));
    }
}
