using Graph.Abstractions.Organisations;
using Graph.Abstractions.Statements;
using Graph.Projection.Model;
using Graph.Projection.Reading;
using Xunit.Abstractions;

namespace Graph.Neo4j.Tests.Conformance;

/// <summary>The analyst's questions, asked of every graph store: the same answers from each.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class AnalysisConformanceTests(ConformanceFixture fixture, ITestOutputHelper output)
{
    private static readonly IReadOnlySet<PathLink> EveryLink = Enum.GetValues<PathLink>().ToHashSet();

    private static readonly IReadOnlySet<StatementRole> AddresseesOnly = new HashSet<StatementRole> { StatementRole.Addressee };

    // Only generated statements are dated before December 2019, so this filter leaves the sample data out.
    private static readonly StatementFilter GeneratedOnly = new(SaidTo: new DateOnly(2019, 11, 30));

    public static IEnumerable<object[]> Stores => ConformanceFixture.TargetNames();

    private IGraphReader Reader(string store) => fixture.ReaderFor(store, output);

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Nicole_Ozer_reaches_Microsoft_through_her_organisation_and_through_Amazon(string store)
    {
        var paths = await Reader(store).FindPathsAsync(new PathQuery("nicole-ozer", "microsoft", 4, EveryLink, ShortestOnly: true, Limit: 10));

        Assert.Equal(
            [
                ["nicole-ozer", "aclu-northern-california", "aclu", "aclu-urges-microsoft-to-follow-ibm-and-amazon", "microsoft"],
                ["nicole-ozer", "ozer-demands-amazon-stop-selling-ring", "amazon", "aclu-urges-microsoft-to-follow-ibm-and-amazon", "microsoft"],
                ["nicole-ozer", "ozer-demands-blanket-moratorium", "amazon", "aclu-urges-microsoft-to-follow-ibm-and-amazon", "microsoft"],
                ["nicole-ozer", "ozer-glad-amazon-recognises-dangers", "amazon", "aclu-urges-microsoft-to-follow-ibm-and-amazon", "microsoft"],
                ["nicole-ozer", "ozer-threat-will-not-disappear", "amazon", "aclu-urges-microsoft-to-follow-ibm-and-amazon", "microsoft"],
            ],
            paths.Select(p => p.Nodes.Select(n => n.Id).ToArray()));
        Assert.Equal(
            [("AFFILIATED_WITH", "nicole-ozer", "aclu-northern-california"), ("PART_OF", "aclu-northern-california", "aclu"),
             ("MADE", "aclu", "aclu-urges-microsoft-to-follow-ibm-and-amazon"), ("ADDRESSED_TO", "aclu-urges-microsoft-to-follow-ibm-and-amazon", "microsoft")],
            paths[0].Steps.Select(s => (s.Type, s.From, s.To)));
        Assert.Equal([PathNodeKind.Person, PathNodeKind.Organisation, PathNodeKind.Organisation, PathNodeKind.Statement, PathNodeKind.Organisation], paths[0].Nodes.Select(n => n.Kind));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Paths_keep_to_the_links_asked_for_and_to_the_hops_allowed(string store)
    {
        var reader = Reader(store);

        var structural = await reader.FindPathsAsync(new PathQuery("nicole-ozer", "aclu", 4, new HashSet<PathLink> { PathLink.Affiliations, PathLink.PartOf }, true, 10));
        var tooFar = await reader.FindPathsAsync(new PathQuery("nicole-ozer", "microsoft", 3, EveryLink, true, 10));
        var all = await reader.FindPathsAsync(new PathQuery("nicole-ozer", "microsoft", 5, EveryLink, ShortestOnly: false, Limit: 200));

        Assert.Equal(["nicole-ozer", "aclu-northern-california", "aclu"], Assert.Single(structural).Nodes.Select(n => n.Id));
        Assert.Empty(tooFar);
        Assert.Equal(5, all.TakeWhile(p => p.Length == 4).Count());
        Assert.True(all.Count > 5);
        Assert.All(all, path =>
        {
            Assert.InRange(path.Length, 4, 5);
            Assert.Equal(path.Nodes.Count, path.Nodes.Select(n => n.Id).Distinct().Count());
            Assert.All(path.Steps.Select((step, i) => (step, i)), s =>
                Assert.Equal(new[] { path.Nodes[s.i].Id, path.Nodes[s.i + 1].Id }.Order(StringComparer.Ordinal), new[] { s.step.From, s.step.To }.Order(StringComparer.Ordinal)));
        });
        Assert.Equal(all.OrderBy(p => p.Length).ThenBy(p => string.Join('\u0001', p.Nodes.Select(n => n.Id)), StringComparer.Ordinal), all);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Shortest_paths_are_exactly_the_shortest_of_all_paths(string store)
    {
        var reader = Reader(store);
        var actors = fixture.Generated.CurrentNames.Keys.Order(StringComparer.Ordinal).ToList();
        var connected = 0;
        foreach (var (from, to) in actors.Zip(actors.Skip(7)).Take(8))
        {
            var shortest = await reader.FindPathsAsync(new PathQuery(from, to, 4, EveryLink, ShortestOnly: true, Limit: 100_000));
            var all = await reader.FindPathsAsync(new PathQuery(from, to, 4, EveryLink, ShortestOnly: false, Limit: 100_000));

            var length = all.Count == 0 ? 0 : all.Min(p => p.Length);
            Assert.Equal(Routes(all.Where(p => p.Length == length)), Routes(shortest));
            connected += shortest.Count > 0 ? 1 : 0;
        }

        Assert.True(connected >= 4, $"Only {connected} of the pairs are connected; the test would prove little.");

        static string[] Routes(IEnumerable<PathView> paths) =>
            [.. paths.Select(p => string.Join(" ", p.Steps.Select(s => $"{s.From}-{s.Type}->{s.To}")))];
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Amazons_neighbourhood_shows_its_critics_its_chief_and_whom_it_supported(string store)
    {
        var network = await Reader(store).GetNeighbourhoodAsync(
            new NeighbourhoodQuery("amazon", 1, [StatementKind.Criticise, StatementKind.Demand, StatementKind.Support], Roles: AddresseesOnly));

        Assert.Equal(["amazon", "black-lives-matter", "jeff-bezos", "nicole-ozer"], network.Nodes.Select(n => n.Id));
        Assert.Equal(
            [
                ("AFFILIATED_WITH", "jeff-bezos", "amazon", (string?)null),
                ("CRITICISED", "nicole-ozer", "amazon", "ozer-threat-will-not-disappear"),
                ("DEMANDED", "nicole-ozer", "amazon", "ozer-demands-amazon-stop-selling-ring"),
                ("DEMANDED", "nicole-ozer", "amazon", "ozer-demands-blanket-moratorium"),
                ("SUPPORTED", "amazon", "black-lives-matter", "amazon-supports-protesters"),
                ("SUPPORTED", "jeff-bezos", "black-lives-matter", "bezos-supports-protesters"),
                ("SUPPORTED", "nicole-ozer", "amazon", "ozer-glad-amazon-recognises-dangers"),
            ],
            network.Edges.Select(e => (e.Type, e.Source, e.Target, e.StatementId)));
        Assert.Equal("CEO", network.Edges[0].Role);
        Assert.Equal(PartialDate.Parse("2020-06"), network.Edges[1].SaidOn);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_neighbourhood_keeps_to_the_dates_asked_for(string store)
    {
        var june = await Reader(store).GetNeighbourhoodAsync(new NeighbourhoodQuery("amazon", 2, null, new DateOnly(2020, 6, 9), new DateOnly(2020, 6, 30), AddresseesOnly));
        var later = await Reader(store).GetNeighbourhoodAsync(new NeighbourhoodQuery("amazon", 2, null, new DateOnly(2021, 1, 1), null));

        // A statement dated only "2020" may fall in June 2020, so it counts.
        Assert.Contains(june.Edges, e => e.Type == "SUPPORTED" && e.Source == "amazon" && e.SaidOn == PartialDate.Parse("2020"));
        Assert.Contains(june.Edges, e => e.Type == "CRITICISED" && e.Source == "nicole-ozer");
        Assert.Contains(june.Nodes, n => n.Id == "aclu-northern-california");
        Assert.All(later.Edges, e => Assert.Contains(e.Type, new[] { "AFFILIATED_WITH", "PART_OF" }));
        Assert.Equal(["amazon", "jeff-bezos"], later.Nodes.Select(n => n.Id));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Amazons_neighbourhood_over_every_role_reaches_whoever_cited_it_as_an_example(string store)
    {
        var everyRole = await Reader(store).GetNeighbourhoodAsync(new NeighbourhoodQuery("amazon", 1, [StatementKind.Appeal]));
        var addressees = await Reader(store).GetNeighbourhoodAsync(new NeighbourhoodQuery("amazon", 1, [StatementKind.Appeal], Roles: AddresseesOnly));
        var none = await Reader(store).GetNeighbourhoodAsync(new NeighbourhoodQuery("amazon", 1, Roles: new HashSet<StatementRole>()));

        var cited = Assert.Single(everyRole.Edges, e => e.TargetRole == StatementRole.Exemplar);
        Assert.Equal(("CITES_EXEMPLAR", "aclu", "amazon", "aclu-urges-microsoft-to-follow-ibm-and-amazon", StatementKind.Appeal),
            (cited.Type, cited.Source, cited.Target, cited.StatementId, cited.Kind));
        Assert.Contains(everyRole.Nodes, n => n.Id == "aclu");
        Assert.DoesNotContain(addressees.Nodes, n => n.Id == "aclu");
        Assert.All(addressees.Edges.Where(e => e.StatementId is not null), e => Assert.Equal(StatementRole.Addressee, e.TargetRole));
        Assert.All(none.Edges, e => Assert.Contains(e.Type, new[] { "AFFILIATED_WITH", "PART_OF" }));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Generated_neighbourhoods_link_speakers_to_exemplars_and_subjects_as_their_facts_give(string store)
    {
        var roles = new HashSet<StatementRole> { StatementRole.Exemplar, StatementRole.Subject };
        var kinds = new[] { StatementKind.Appeal, StatementKind.Criticise, StatementKind.Demand };
        var facts = fixture.Generated.Statements.Where(f => !f.Retracted && kinds.Contains(f.Kind)).ToList();
        var linked = 0;
        foreach (var centre in new[] { "gen-org-3", "gen-org-7", "gen-person-2" })
        {
            var network = await Reader(store).GetNeighbourhoodAsync(new NeighbourhoodQuery(centre, 1, kinds, Roles: roles));
            var nodes = network.Nodes.Select(n => n.Id).ToHashSet();
            var expected = facts
                .SelectMany(f => f.ExemplarIds.Select(e => ("CITES_EXEMPLAR", f.SpeakerId, e, f.Id))
                    .Concat(f.SubjectIds.Select(s => ("CONCERNS", f.SpeakerId, s, f.Id))))
                .Distinct()
                .ToList();
            var reachedByStatements = expected.Where(e => e.SpeakerId == centre || e.Item3 == centre).SelectMany(e => new[] { e.SpeakerId, e.Item3 }).ToHashSet();
            var reachedByLinks = network.Edges.Where(e => e.StatementId is null && (e.Source == centre || e.Target == centre)).SelectMany(e => new[] { e.Source, e.Target });

            Assert.Equal([.. reachedByStatements.Concat(reachedByLinks).Append(centre).Distinct().Order(StringComparer.Ordinal)], nodes.Order(StringComparer.Ordinal));
            Assert.Equal(
                expected.Where(e => nodes.Contains(e.SpeakerId) && nodes.Contains(e.Item3)).Select(e => $"{e.Item1}:{e.SpeakerId}:{e.Item3}:{e.Id}").Order(StringComparer.Ordinal),
                network.Edges.Where(e => e.StatementId is not null).Select(e => e.Id).Order(StringComparer.Ordinal));
            linked += reachedByStatements.Count;
        }

        Assert.True(linked > 3, $"Only {linked} actors were linked through exemplars and subjects; the test would prove little.");
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_capped_neighbourhood_keeps_the_actors_most_linked_to_its_centre_and_says_it_was_cut(string store)
    {
        const string Centre = "gen-org-3";
        var reader = Reader(store);
        var full = await reader.GetNeighbourhoodAsync(new NeighbourhoodQuery(Centre, 1, Limit: NeighbourhoodQuery.MaxLimit));
        var capped = await reader.GetNeighbourhoodAsync(new NeighbourhoodQuery(Centre, 1, Limit: 5));
        var twoHops = await reader.GetNeighbourhoodAsync(new NeighbourhoodQuery(Centre, 2, Limit: 12));

        var links = full.Edges
            .Where(e => (e.Source == Centre) != (e.Target == Centre))
            .GroupBy(e => e.Source == Centre ? e.Target : e.Source)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .ToList();
        var kept = links.Take(5).Append(Centre).ToHashSet();

        Assert.True(links.Count > 12, $"{Centre} has only {links.Count} neighbours; the test would prove little.");
        Assert.False(full.Truncated);
        Assert.True(capped.Truncated);
        Assert.Equal(kept.Order(StringComparer.Ordinal), capped.Nodes.Select(n => n.Id));
        Assert.Equal(full.Edges.Where(e => kept.Contains(e.Source) && kept.Contains(e.Target)).Select(e => e.Id), capped.Edges.Select(e => e.Id));
        Assert.Equal(13, twoHops.Nodes.Count);
        Assert.True(twoHops.Truncated);
        // The first hop alone fills the limit, so the second adds nobody.
        Assert.Equal(links.Take(12).Append(Centre).Order(StringComparer.Ordinal), twoHops.Nodes.Select(n => n.Id));

        // Past an edge limit, the edges touching the centre come first, by id; the others are the store's choice.
        var touching = full.Edges.Where(e => e.Source == Centre || e.Target == Centre).Select(e => e.Id).Order(StringComparer.Ordinal).ToList();
        foreach (var edgeLimit in new[] { 3, touching.Count + 4 })
        {
            var fewEdges = await reader.GetNeighbourhoodAsync(new NeighbourhoodQuery(Centre, 1, Limit: NeighbourhoodQuery.MaxLimit, EdgeLimit: edgeLimit));
            Assert.True(fewEdges.Truncated);
            Assert.Equal(full.Nodes.Select(n => n.Id), fewEdges.Nodes.Select(n => n.Id));
            Assert.Equal(edgeLimit, fewEdges.Edges.Count);
            Assert.Subset(full.Edges.ToHashSet(), fewEdges.Edges.ToHashSet());
            Assert.Equal(touching.Take(edgeLimit), fewEdges.Edges.Where(e => e.Source == Centre || e.Target == Centre).Select(e => e.Id).Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_neighbourhood_of_every_kind_named_is_the_neighbourhood_of_no_kind_named(string store)
    {
        // With no filter a store may rank neighbours from links it keeps counted (the embedded graph does); naming every
        // kind makes it walk the statements. Corrections and retractions in the generated graph change those counts.
        var reader = Reader(store);
        var compared = 0;
        var centres = fixture.Generated.CurrentNames.Keys.Order(StringComparer.Ordinal)
            .SelectMany(id => new[] { (id, 1, 1), (id, 3, 1), (id, 6, 2) });
        foreach (var (centre, limit, depth) in centres)
        {
            var counted = await reader.GetNeighbourhoodAsync(new NeighbourhoodQuery(centre, depth, Limit: limit, EdgeLimit: 40));
            var walked = await reader.GetNeighbourhoodAsync(new NeighbourhoodQuery(centre, depth, Enum.GetValues<StatementKind>(), Limit: limit, EdgeLimit: 40));

            Assert.Equal(walked.Nodes.Select(n => n.Id), counted.Nodes.Select(n => n.Id));
            Assert.Equal(walked.Edges.Select(e => e.Id), counted.Edges.Select(e => e.Id));
            Assert.Equal(walked.Truncated, counted.Truncated);
            compared += counted.Truncated ? 1 : 0;
        }

        Assert.True(compared >= 30, $"Only {compared} of the neighbourhoods were cut; the ranking would matter too little.");
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Generated_statements_collapse_into_the_weighted_edges_their_facts_give(string store)
    {
        var filter = GeneratedOnly with { Kinds = [StatementKind.Criticise, StatementKind.Appeal] };
        var expected = Facts(filter)
            .SelectMany(f => f.AddresseeIds.Select(a => (f.SpeakerId, a, f.Kind, f.SaidOn)))
            .GroupBy(e => (e.SpeakerId, e.a, e.Kind))
            .Select(g =>
            {
                var dates = g.Select(e => e.SaidOn).OfType<PartialDate>().OrderBy(d => d.Start).ThenBy(d => d.ToString(), StringComparer.Ordinal).ToList();
                return new WeightedEdgeView(g.Key.SpeakerId, g.Key.a, g.Key.Kind, g.Count(), dates.Count > 0 ? dates[0] : null, dates.Count > 0 ? dates[^1] : null);
            })
            .OrderByDescending(e => e.Count).ThenBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Target, StringComparer.Ordinal).ThenBy(e => GraphEnums.Name(e.Kind), StringComparer.Ordinal)
            .Take(40)
            .ToList();

        var network = await Reader(store).GetActorNetworkAsync(filter, 40);

        Assert.Equal(expected, network.Edges);
        Assert.Equal(expected.SelectMany(e => new[] { e.Source, e.Target }).Distinct().Order(StringComparer.Ordinal), network.Nodes.Select(n => n.Id));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Generated_statements_count_by_every_dimension_as_their_facts_give(string store)
    {
        var reader = Reader(store);
        var facts = Facts(GeneratedOnly).ToList();
        var companies = fixture.Generated.Events.OfType<OrganisationRegistered>().Where(o => o.Kind == OrganisationKind.Company).Select(o => o.OrganisationId).ToHashSet();

        IEnumerable<(string, int)> Expected(IEnumerable<string> keys) =>
            keys.GroupBy(k => k).Select(g => (g.Key, g.Count())).OrderByDescending(c => c.Item2).ThenBy(c => c.Key, StringComparer.Ordinal).Take(25);

        async Task<IEnumerable<(string, int)>> ActualAsync(CountDimension by, IReadOnlyList<OrganisationKind>? kinds = null) =>
            (await reader.CountStatementsAsync(GeneratedOnly, by, kinds, 25)).Select(c => (c.Key, c.Count));

        Assert.Equal(Expected(facts.Select(f => GraphEnums.Name(f.Kind))), await ActualAsync(CountDimension.Kind));
        Assert.Equal(Expected(facts.Select(f => f.SpeakerId)), await ActualAsync(CountDimension.Speaker));
        Assert.Equal(Expected(facts.SelectMany(f => f.AddresseeIds)), await ActualAsync(CountDimension.Addressee));
        Assert.Equal(Expected(facts.SelectMany(f => f.AddresseeIds).Where(companies.Contains)), await ActualAsync(CountDimension.Addressee, [OrganisationKind.Company]));
        Assert.Equal(Expected(facts.SelectMany(f => f.TopicIds)), await ActualAsync(CountDimension.Topic));
        Assert.Equal(Expected(facts.SelectMany(f => f.ExemplarIds)), await ActualAsync(CountDimension.Exemplar));
        Assert.Equal(Expected(facts.SelectMany(f => f.SubjectIds)), await ActualAsync(CountDimension.Subject));
        Assert.Equal(Expected(facts.SelectMany(f => f.SubjectIds).Where(companies.Contains)), await ActualAsync(CountDimension.Subject, [OrganisationKind.Company]));
        Assert.Empty(await ActualAsync(CountDimension.Beneficiary));
        Assert.Empty(await ActualAsync(CountDimension.OnBehalfOf));
        Assert.Equal(
            Expected(facts.Where(f => f.SaidOn is { Precision: not DatePrecision.Year }).Select(f => f.SaidOn!.Value.ToString()[..7])),
            await ActualAsync(CountDimension.Month));
        Assert.Equal("drones", (await reader.CountStatementsAsync(new StatementFilter(TopicIds: [Topics.IdOf("drones")]), CountDimension.Topic, null, 1)).Single().Label);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Legislatures_spoken_about_are_counted_and_responses_found_either_way(string store)
    {
        var reader = Reader(store);

        var aboutLegislatures = await reader.CountStatementsAsync(StatementFilter.All, CountDimension.Subject, [OrganisationKind.Legislature], 500);
        var spokenFor = await reader.CountStatementsAsync(StatementFilter.All, CountDimension.OnBehalfOf, null, 10);
        var responses = await reader.FindStatementsAsync(
            new StatementFilter(RespondsToId: "amazon-rekognition-moratorium"), StatementOrder.SaidOnDescending, 0, 50, StatementParts.None);
        var anyResponse = await reader.FindStatementsAsync(new StatementFilter(IsResponse: true), StatementOrder.SaidOnDescending, 0, 500, StatementParts.None);
        var notResponses = await reader.FindStatementsAsync(new StatementFilter(IsResponse: false), StatementOrder.SaidOnDescending, 0, 1, StatementParts.None);
        var everything = await reader.FindStatementsAsync(StatementFilter.All, StatementOrder.SaidOnDescending, 0, 1, StatementParts.None);
        var contradiction = await reader.FindStatementsAsync(
            new StatementFilter(IsResponse: false, And: [new StatementFilter(RespondsToId: "amazon-rekognition-moratorium")]), StatementOrder.SaidOnDescending, 0, 10, StatementParts.None);
        var contradictionCounted = await reader.CountStatementsAsync(
            new StatementFilter(HasExemplar: true, And: [new StatementFilter(HasExemplar: false)]), CountDimension.Kind, null, 10);

        Assert.Contains(aboutLegislatures, c => c.Key == "us-congress" && c.Count >= 2);
        Assert.Contains(aboutLegislatures, c => c.Key == "us-state-legislatures");
        Assert.All(
            await reader.GetActorsAsync([.. aboutLegislatures.Select(c => c.Key)]),
            a => Assert.Equal(OrganisationKind.Legislature, Assert.IsType<OrganisationView>(a).Kind));
        Assert.Contains(spokenFor, c => c.Key == "aclu-northern-california");
        Assert.Contains(responses.Items, s => s.Id == "ozer-demands-blanket-moratorium");
        Assert.All(responses.Items, s => Assert.Equal("amazon-rekognition-moratorium", s.RespondsToId));
        Assert.All(anyResponse.Items, s => Assert.NotNull(s.RespondsToId));
        Assert.Subset(anyResponse.Items.Select(s => s.Id).ToHashSet(), responses.Items.Select(s => s.Id).ToHashSet());
        Assert.Equal(everything.TotalCount, anyResponse.TotalCount + notResponses.TotalCount);
        Assert.Empty(contradiction.Items);
        Assert.Equal(0, contradiction.TotalCount);
        Assert.Empty(contradictionCounted);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Stances_toward_a_target_weigh_supportive_against_critical_statements(string store)
    {
        const string target = "gen-org-3";
        var expected = fixture.Generated.Statements
            .Where(f => !f.Retracted && (f.AddresseeIds.Contains(target) || f.SubjectIds.Contains(target)) && f.SpeakerId != target)
            .GroupBy(f => f.SpeakerId)
            .Select(g => new StanceView(
                g.Key, target,
                g.Count(f => Stances.Supportive.Contains(f.Kind)),
                g.Count(f => Stances.Critical.Contains(f.Kind)),
                g.Count(f => !Stances.Supportive.Contains(f.Kind) && !Stances.Critical.Contains(f.Kind))))
            .OrderByDescending(s => s.Supportive + s.Critical + s.Other).ThenBy(s => s.ActorId, StringComparer.Ordinal)
            .ToList();

        var stances = await Reader(store).GetStancesAsync(target, null, 500);
        var ozer = Assert.Single(await Reader(store).GetStancesAsync("amazon", "nicole-ozer", 10));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, stances);
        Assert.Equal((1, 3, 0, -0.5), (ozer.Supportive, ozer.Critical, ozer.Other, ozer.Score));
    }

    private IEnumerable<GeneratedGraph.Fact> Facts(StatementFilter filter) =>
        fixture.Generated.Statements.Where(f =>
            !f.Retracted
            && (filter.Kinds is not { Count: > 0 } kinds || kinds.Contains(f.Kind))
            && (filter.SaidTo is null || (f.SaidOn is { } d && d.Start <= filter.SaidTo)));
}
