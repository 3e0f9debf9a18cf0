using Graph.Abstractions.Actors;
using Graph.Abstractions.Statements;
using Graph.Projection.Reading;
using Xunit.Abstractions;

namespace Graph.Neo4j.Tests.Conformance;

/// <summary>
/// One suite for every graph store: the same log in, the same answers out. Each test names the store it ran against.
/// </summary>
[Collection(ConformanceCollection.Name)]
public sealed class ReaderConformanceTests(ConformanceFixture fixture, ITestOutputHelper output)
{
    public static IEnumerable<object[]> Stores => ConformanceFixture.TargetNames();

    private IGraphReader Reader(string store) => fixture.ReaderFor(store, output);

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task The_ACLU_urged_Microsoft_to_follow_IBM_and_Amazon(string store)
    {
        var page = await Reader(store).FindStatementsAsync(new StatementFilter(Kinds: [StatementKind.Appeal], HasExemplar: true, SpeakerId: "aclu"), StatementOrder.SaidOnDescending, 0, 50, StatementParts.All);

        var appeal = Assert.Single(page.Items);
        Assert.Equal("American Civil Liberties Union", Assert.Single(await Reader(store).GetActorsAsync([appeal.SpeakerId])).Name);
        Assert.Equal(["microsoft"], appeal.AddresseeIds);
        Assert.Equal(["ibm", "amazon"], appeal.ExemplarIds);
        Assert.Equal("GeekWire", Assert.Single(appeal.Sources).Publisher);
        Assert.Equal(PartialDate.Parse("2020-06"), appeal.SaidOn);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_statement_reads_back_with_every_role_in_order(string store)
    {
        var statement = Assert.Single(await Reader(store).GetStatementsAsync(["ozer-demands-blanket-moratorium"]));

        Assert.Equal(StatementKind.Demand, statement.Kind);
        Assert.Equal("100", statement.CameoCode);
        var (speaker, onBehalfOf) = (await Reader(store).GetActorsAsync([statement.SpeakerId, statement.OnBehalfOfId!])) switch
        {
            [PersonView person, OrganisationView organisation] => (person, organisation),
            [OrganisationView organisation, PersonView person] => (person, organisation),
            var other => throw new Xunit.Sdk.XunitException($"Expected a person and an organisation, got {other.Count} actors."),
        };
        Assert.Equal(("nicole-ozer", "Nicole Ozer"), (speaker.Id, speaker.Name));
        Assert.Equal(("aclu-northern-california", "aclu"), (onBehalfOf.Id, onBehalfOf.ParentId));
        Assert.Equal(["amazon"], statement.AddresseeIds);
        Assert.Equal(["us-congress", "us-state-legislatures", "us-law-enforcement"], statement.SubjectIds);
        Assert.Equal(["facial recognition", "police use of facial recognition", "Rekognition moratorium"], statement.Topics.Select(t => t.Name));
        Assert.Equal("amazon-rekognition-moratorium", statement.RespondsToId);
        Assert.StartsWith("Amazon must fully commit", statement.Quote, StringComparison.Ordinal);
        Assert.Null(statement.Retraction);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Actors_are_found_by_alias_exact_matches_first(string store)
    {
        var reader = Reader(store);

        Assert.Equal(["aclu", "aclu-northern-california"], (await reader.FindActorsAsync(new ActorSearch("ACLU", Limit: 10))).Select(a => a.Id));
        Assert.Equal(["nicole-ozer"], (await reader.FindActorsAsync(new ActorSearch("ozer", ActorType.Person, Limit: 10))).Select(a => a.Id));
        Assert.Empty(await reader.FindActorsAsync(new ActorSearch("ozer", ActorType.Organisation, Limit: 10)));
        Assert.Equal(["us-congress"], (await reader.FindActorsAsync(new ActorSearch("u.s. congress", Limit: 10))).Select(a => a.Id));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Actors_are_found_by_the_words_of_their_names_in_any_order(string store)
    {
        var reader = Reader(store);

        Assert.Equal(["nicole-ozer"], (await reader.FindActorsAsync(new ActorSearch("ozer nicole"))).Select(a => a.Id));
        Assert.Equal(["aclu-northern-california"], (await reader.FindActorsAsync(new ActorSearch("Northern-California ACLU"))).Select(a => a.Id));
        var renamed = await reader.FindActorsAsync(new ActorSearch("organisation renamed", Limit: 500));
        Assert.Equal(fixture.Generated.CurrentNames.Count(n => n.Value.StartsWith("Renamed", StringComparison.Ordinal)), renamed.Count);
        Assert.All(renamed, a => Assert.StartsWith("Renamed Organisation", a.Name, StringComparison.Ordinal));

        // Exact first, then the text as typed, then its words: "amazon" is Amazon, then Amazon's parts, then no others.
        var amazon = await reader.FindActorsAsync(new ActorSearch("amazon"));
        Assert.Equal("amazon", amazon[0].Id);
        Assert.All(amazon.Skip(1), a => Assert.Contains("amazon", a.Name, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Every_actor_can_be_listed_a_page_at_a_time_by_how_many_statements_they_are_in(string store)
    {
        var reader = Reader(store);
        var everyone = await reader.FindActorsAsync(ActorSearch.Everyone);
        var expected = new List<(string Id, int Count)>();
        foreach (var actor in everyone)
        {
            var page = await reader.FindStatementsAsync(new StatementFilter(ActorId: actor.Id), StatementOrder.SaidOnDescending, 0, 1, StatementParts.None);
            expected.Add((actor.Id, page.TotalCount));
        }

        var listed = new List<string>();
        for (var offset = 0; ; offset += 7)
        {
            var page = await reader.FindActorsAsync(new ActorSearch(null, Order: ActorOrder.StatementCount, Skip: offset, Limit: 7));
            listed.AddRange(page.Select(a => a.Id));
            if (page.Count < 7)
            {
                break;
            }
        }

        var names = everyone.ToDictionary(a => a.Id, a => ActorNames.Normalise(a.Name));
        Assert.True(everyone.Count > 20, $"Only {everyone.Count} actors; the test would prove little.");
        Assert.Equal(
            expected.OrderByDescending(e => e.Count).ThenBy(e => names[e.Id], StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal).Select(e => e.Id),
            listed);
        Assert.Equal(everyone.Select(a => a.Id), everyone.OrderBy(a => names[a.Id], StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal).Select(a => a.Id));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Topics_are_listed_most_discussed_first_and_found_by_their_words(string store)
    {
        var reader = Reader(store);
        var topics = await reader.FindTopicsAsync(null, 0, 500);
        var expected = new List<(TopicView Topic, int Count)>();
        foreach (var topic in topics)
        {
            expected.Add((topic, (await reader.FindStatementsAsync(new StatementFilter(TopicIds: [topic.Id]), StatementOrder.SaidOnDescending, 0, 1, StatementParts.None)).TotalCount));
        }

        Assert.True(topics.Count > 5, $"Only {topics.Count} topics; the test would prove little.");
        Assert.Equal(
            expected.OrderByDescending(e => e.Count).ThenBy(e => e.Topic.Name, StringComparer.Ordinal).ThenBy(e => e.Topic.Id, StringComparer.Ordinal).Select(e => e.Topic),
            topics);
        Assert.Equal(topics.Skip(2).Take(3), await reader.FindTopicsAsync(null, 2, 3));
        var facial = await reader.FindTopicsAsync("Recognition FACIAL", 0, 10);
        Assert.Contains(facial, t => t.Name == "police use of facial recognition");
        Assert.Equal(topics.Where(t => t.Name.Contains("facial", StringComparison.Ordinal) && t.Name.Contains("recognition", StringComparison.Ordinal)), facial);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task An_organisation_shows_its_parent_parts_and_members(string store)
    {
        var reader = Reader(store);
        var norCal = Assert.IsType<OrganisationView>(Assert.Single(await reader.GetActorsAsync(["aclu-northern-california"])));
        var parts = await reader.GetPartsAsync("aclu");
        var members = await reader.GetMembersAsync("aclu-northern-california");
        var ozer = Assert.IsType<PersonView>(Assert.Single(await reader.GetActorsAsync(["nicole-ozer"])));

        Assert.Equal("aclu", norCal.ParentId);
        Assert.Equal(["ACLU NorCal"], norCal.Aliases);
        Assert.Equal(["aclu-northern-california"], parts.Select(p => p.Id));
        Assert.Equal(("nicole-ozer", "Technology and civil liberties director"), (Assert.Single(members).PersonId, members[0].Role));
        Assert.Equal("aclu-northern-california", Assert.Single(ozer.Affiliations).OrganisationId);
        var amazon = Assert.IsType<OrganisationView>(Assert.Single(await reader.GetActorsAsync(["amazon"])));
        Assert.Equal(("wikidata", "Q3884"), (Assert.Single(amazon.ExternalIds).Scheme, amazon.ExternalIds[0].Value));
    }

    private static readonly string[] FilterNames =
    [
        "all", "all, retracted too", "criticisms and demands", "by one speaker", "to one addressee", "citing an exemplar", "about drones",
        "said from mid-March 2020 to June 2021", "mentioning surveillance", "with exemplars", "without exemplars", "appeals with exemplars since 2018",
        "appeals and demands without exemplars, retracted too", "appeals, and of those the ones with exemplars",
        "an actor in any role", "criticisms of one or appeals citing another", "about drones and encryption", "about drones or encryption, and a demand or a ban without exemplars",
    ];

    public static IEnumerable<object[]> GeneratedFilters() =>
        from store in ConformanceFixture.TargetNames() from name in FilterNames select new object[] { store[0], name };

    private static StatementFilter Filter(string name) => name switch
    {
        "all" => StatementFilter.All,
        "all, retracted too" => new(IncludeRetracted: true),
        "criticisms and demands" => new(Kinds: [StatementKind.Criticise, StatementKind.Demand]),
        "by one speaker" => new(SpeakerId: "gen-org-5"),
        "to one addressee" => new(AddresseeId: "gen-person-3"),
        "citing an exemplar" => new(ExemplarId: "gen-org-7"),
        "about drones" => new(TopicIds: [Topics.IdOf("drones")]),
        "an actor in any role" => new(ActorId: "gen-org-4"),
        "criticisms of one or appeals citing another" => new(Or: [new(Kinds: [StatementKind.Criticise], AddresseeId: "gen-person-3"), new(Kinds: [StatementKind.Appeal], ExemplarId: "gen-org-7")]),
        "about drones and encryption" => new(And: [new(TopicIds: [Topics.IdOf("drones")]), new(TopicIds: [Topics.IdOf("encryption")])]),
        "about drones or encryption, and a demand or a ban without exemplars" => new(TopicIds: [Topics.IdOf("drones"), Topics.IdOf("encryption")], And: [new(Or: [new(Kinds: [StatementKind.Demand]), new(HasExemplar: false, Text: "ban")])]),
        "said from mid-March 2020 to June 2021" => new(SaidFrom: new DateOnly(2020, 3, 15), SaidTo: new DateOnly(2021, 6, 30)),
        "mentioning surveillance" => new(Text: "SURVEILLANCE"),
        "with exemplars" => new(HasExemplar: true),
        "without exemplars" => new(HasExemplar: false),
        "appeals and demands without exemplars, retracted too" => new(Kinds: [StatementKind.Appeal, StatementKind.Demand], HasExemplar: false, IncludeRetracted: true),
        "appeals, and of those the ones with exemplars" => new(Kinds: [StatementKind.Appeal], And: [new(HasExemplar: true)]),
        "appeals with exemplars since 2018" => new(Kinds: [StatementKind.Appeal], HasExemplar: true, SaidFrom: new DateOnly(2018, 1, 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [Theory]
    [MemberData(nameof(GeneratedFilters))]
    public async Task Generated_statements_are_found_exactly_as_their_facts_say(string store, string filterName)
    {
        var filter = Filter(filterName);
        var expected = Expected(filter, StatementOrder.SaidOnDescending);

        var whole = await Reader(store).FindStatementsAsync(filter, StatementOrder.SaidOnDescending, 0, 500, StatementParts.All);
        var page = await Reader(store).FindStatementsAsync(filter, StatementOrder.SaidOnDescending, 10, 25, StatementParts.All);

        var generated = whole.Items.Where(s => s.Id.StartsWith("gen-", StringComparison.Ordinal)).Select(s => s.Id).ToList();
        Assert.Equal(expected, generated);
        Assert.True(expected.Count > 0 || filterName == "citing an exemplar", "The generated data should exercise the filter.");
        var all = whole.Items.Select(s => s.Id).ToList();
        Assert.Equal(all.Count, whole.TotalCount);
        Assert.Equal(all.Skip(10).Take(25), page.Items.Select(s => s.Id));
        Assert.Equal(whole.TotalCount, page.TotalCount);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Corrected_statements_read_as_corrected_with_each_role_once(string store)
    {
        var reader = Reader(store);
        var corrected = fixture.Generated.Statements.Where(f => fixture.Generated.Corrected.Contains(f.Id)).ToList();

        var read = (await reader.GetStatementsAsync([.. corrected.Select(f => f.Id)])).ToDictionary(s => s.Id);

        Assert.True(corrected.Count > 20, $"Only {corrected.Count} statements were corrected; the test would prove little.");
        Assert.All(corrected, fact =>
        {
            var statement = read[fact.Id];
            Assert.Equal(fact.Kind, statement.Kind);
            Assert.Equal(fact.AddresseeIds, statement.AddresseeIds);
            Assert.Equal(fact.SpeakerId, statement.SpeakerId);
            Assert.Equal(fact.SubjectIds, statement.SubjectIds);
        });
        foreach (var fact in corrected.Where(f => !f.Retracted).Take(10))
        {
            var made = await reader.FindStatementsAsync(
                new StatementFilter(SpeakerId: fact.SpeakerId, Kinds: [fact.Kind]), StatementOrder.SaidOnDescending, 0, 500, StatementParts.None);
            Assert.Single(made.Items, s => s.Id == fact.Id);
        }
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_renamed_organisation_is_found_under_its_new_name_only(string store)
    {
        var reader = Reader(store);

        Assert.Equal("gen-org-2", (await reader.FindActorsAsync(new ActorSearch("renamed organisation 2", Limit: 10)))[0].Id);
        Assert.DoesNotContain("gen-org-2", (await reader.FindActorsAsync(new ActorSearch("generated organisation 2", Limit: 50))).Select(a => a.Id));
        Assert.Equal("Renamed Organisation 2", Assert.Single(await reader.GetActorsAsync(["gen-org-2"])).Name);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Generated_statements_come_in_every_order_asked_for(string store)
    {
        foreach (var order in Enum.GetValues<StatementOrder>())
        {
            var page = await Reader(store).FindStatementsAsync(StatementFilter.All, order, 0, 500, StatementParts.All);

            Assert.Equal(Expected(StatementFilter.All, order), page.Items.Select(s => s.Id).Where(id => id.StartsWith("gen-", StringComparison.Ordinal)));
        }
    }

    private List<string> Expected(StatementFilter filter, StatementOrder order)
    {
        var matches = fixture.Generated.Statements.Where(f => (filter.IncludeRetracted || !f.Retracted) && Matches(f, filter));
        var sorted = order switch
        {
            StatementOrder.SaidOnAscending => matches.OrderBy(f => f.SaidOn is null ? 1 : 0).ThenBy(f => f.SaidOn?.Start),
            StatementOrder.SaidOnDescending => matches.OrderBy(f => f.SaidOn is null ? 1 : 0).ThenByDescending(f => f.SaidOn?.Start),
            // Generated statements share one recording time, so id decides.
            _ => matches.OrderBy(_ => 0),
        };
        return [.. sorted.ThenBy(f => f.Id, StringComparer.Ordinal).Select(f => f.Id)];
    }

    private static bool Matches(GeneratedGraph.Fact f, StatementFilter filter) =>
        (filter.Kinds is not { Count: > 0 } kinds || kinds.Contains(f.Kind))
        && (filter.SpeakerId is null || f.SpeakerId == filter.SpeakerId)
        && (filter.AddresseeId is null || f.AddresseeIds.Contains(filter.AddresseeId))
        && (filter.ExemplarId is null || f.ExemplarIds.Contains(filter.ExemplarId))
        && (filter.SubjectId is null || f.SubjectIds.Contains(filter.SubjectId))
        && (filter.ActorId is null || f.SpeakerId == filter.ActorId || f.AddresseeIds.Contains(filter.ActorId)
            || f.ExemplarIds.Contains(filter.ActorId) || f.SubjectIds.Contains(filter.ActorId))
        && (filter.TopicIds is not { Count: > 0 } topics || f.TopicIds.Any(topics.Contains))
        && (filter.SaidFrom is null || (f.SaidOn is { } from && from.End >= filter.SaidFrom))
        && (filter.SaidTo is null || (f.SaidOn is { } to && to.Start <= filter.SaidTo))
        && (filter.Text is null
            || (f.Quote?.Contains(filter.Text, StringComparison.OrdinalIgnoreCase) ?? false)
            || (f.Summary?.Contains(filter.Text, StringComparison.OrdinalIgnoreCase) ?? false))
        && (filter.HasExemplar is null || (f.ExemplarIds.Length > 0) == filter.HasExemplar)
        && (filter.And ?? []).All(part => Matches(f, part))
        && (filter.Or is not { Count: > 0 } alternatives || alternatives.Any(part => Matches(f, part)));
}
