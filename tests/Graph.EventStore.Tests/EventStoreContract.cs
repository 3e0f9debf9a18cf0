using Graph.Abstractions.Actors;
using Graph.Abstractions.Directory;
using Graph.Abstractions.Organisations;

namespace Graph.EventStore.Tests;

/// <summary>
/// What every event log must do, whichever database holds it: each store's tests derive from this and say how to open
/// it and how to make its database misbehave.
/// </summary>
public abstract class EventStoreContract<TStore>
    where TStore : class, IEventStore, IAsyncDisposable
{
    /// <summary>Opens the store on the test's own log; a second call opens the same log again.</summary>
    protected abstract TStore Open(int maxAppendsPerCommit = 1_000);

    /// <summary>Makes the database refuse every insert, as a full disk or a failing file would, or stop refusing.</summary>
    protected abstract void Refuse(bool refuse);

    /// <summary>Overwrites the stored form of the event at <paramref name="position"/>.</summary>
    protected abstract void Corrupt(long position, byte[] data);

    protected static OrganisationRegistered Registered(string id) =>
        new(id, "Org " + id, OrganisationKind.Ngo, ["alias of " + id], null, [new ExternalId("wikidata", "Q1")]);

    [SkippableFact]
    public async Task Appended_events_are_read_back_after_the_store_is_reopened()
    {
        await using (var store = Open())
        {
            var result = await store.AppendAsync("organisation-a", 0, [Registered("a"), new OrganisationRenamed("a", "A", "Org a")]);
            Assert.True(result.Succeeded);
            Assert.Equal(2, result.StreamVersion);
        }

        await using var reopened = Open();
        var events = await reopened.ReadStreamAsync("organisation-a");
        Assert.Equal(2, reopened.HeadPosition);
        Assert.Equal([1, 2], events.Select(e => e.Version));
        var registered = Assert.IsType<OrganisationRegistered>(events[0].Event);
        Assert.Equal(["alias of a"], registered.Aliases);
        Assert.Equal(new ExternalId("wikidata", "Q1"), Assert.Single(registered.ExternalIds));
        Assert.Equal("A", Assert.IsType<OrganisationRenamed>(events[1].Event).Name);
    }

    [SkippableFact]
    public async Task An_append_the_database_refuses_fails_its_caller_at_once_and_the_log_says_it_cannot_be_written()
    {
        await using var store = Open();
        await store.AppendAsync("organisation-a", 0, [Registered("a")]);
        Refuse(true);

        var refused = store.AppendAsync("organisation-b", 0, [Registered("b")]);
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => refused.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.IsNotType<TimeoutException>(failure);
        Assert.Contains("refused by the test", store.WriteFailure, StringComparison.Ordinal);
        Assert.Equal(1, store.HeadPosition);
        Assert.Empty(await store.ReadStreamAsync("organisation-b"));

        Refuse(false);
        Assert.True((await store.AppendAsync("organisation-b", 0, [Registered("b")])).Succeeded);
        Assert.Null(store.WriteFailure);
    }

    [SkippableFact]
    public async Task A_malformed_event_is_reported_with_its_position_stream_and_version()
    {
        await using (var store = Open())
        {
            await store.AppendAsync("organisation-a", 0, [Registered("a")]);
            await store.AppendAsync("organisation-b", 0, [Registered("b")]);
        }

        Corrupt(position: 2, "{\"$type\":\"organisation-registered\",\"name\":"u8.ToArray());
        await using var reopened = Open();

        var unreadable = await Assert.ThrowsAsync<EventLogUnreadableException>(() => reopened.ReadAllAsync(0, 10));

        Assert.StartsWith("The event at position 2 of the log (stream 'organisation-b', version 1) cannot be read:", unreadable.Message, StringComparison.Ordinal);
        Assert.Single(await reopened.ReadStreamAsync("organisation-a"));
    }

    [SkippableFact]
    public async Task An_append_at_the_wrong_version_writes_nothing()
    {
        await using var store = Open();
        await store.AppendAsync("organisation-a", 0, [Registered("a")]);

        var stale = await store.AppendAsync("organisation-a", 0, [new OrganisationRenamed("a", "B", "Org a")]);

        Assert.False(stale.Succeeded);
        Assert.Equal(1, stale.StreamVersion);
        Assert.Single(await store.ReadStreamAsync("organisation-a"));
        Assert.Equal(1, store.HeadPosition);
    }

    [SkippableFact]
    public async Task Of_concurrent_appends_at_the_same_version_exactly_one_wins()
    {
        await using var store = Open();
        var attempts = Enumerable.Range(0, 20)
            .Select(i => store.AppendAsync("organisation-a", 0, [new OrganisationRenamed("a", "Name " + i, "")]));

        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Succeeded);
        Assert.Single(await store.ReadStreamAsync("organisation-a"));
    }

    [SkippableFact]
    public async Task Concurrent_appends_to_many_streams_all_commit_with_increasing_positions()
    {
        await using var store = Open(maxAppendsPerCommit: 16);
        var results = await Task.WhenAll(Enumerable.Range(0, 500)
            .Select(i => store.AppendAsync($"directory-name:{i}", 0, [new DirectoryEntryClaimed($"name:{i}", new ActorKey($"a{i}", ActorType.Person))])));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(500, results.Select(r => r.Position).Distinct().Count());
        var all = await store.ReadAllAsync(0, 1_000);
        Assert.Equal(500, all.Count);
        Assert.Equal(all.Select(e => e.Position).Order(), all.Select(e => e.Position));
        Assert.Equal(500, store.HeadPosition);
    }

    [SkippableFact]
    public async Task Reading_the_log_after_a_position_pages_through_it_in_order()
    {
        await using var store = Open();
        for (var i = 0; i < 10; i++)
        {
            await store.AppendAsync($"organisation-{i}", 0, [Registered(i.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }

        var first = await store.ReadAllAsync(0, 4);
        var second = await store.ReadAllAsync(first[^1].Position, 4);
        var rest = await store.ReadAllAsync(second[^1].Position, 100);

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), first.Concat(second).Concat(rest).Select(e => e.Position));
    }

    [SkippableFact]
    public async Task A_waiter_for_new_events_wakes_when_one_is_committed()
    {
        await using var store = Open();
        var waiting = store.WaitForEventsAfterAsync(0, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        await store.AppendAsync("organisation-a", 0, [Registered("a")]);

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
