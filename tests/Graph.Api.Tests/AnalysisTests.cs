using System.Collections.Concurrent;
using System.Reflection;
using Graph.Embedded;
using Graph.Projection.Reading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Graph.Api.Tests;

/// <summary>The analyst's questions over the sample data alone, on a service of their own, so other tests' writes do not count.</summary>
public sealed class AnalysisTests(GraphServiceFactory service) : IClassFixture<GraphServiceFactory>
{
    [Fact]
    public async Task Nicole_Ozer_is_connected_to_Microsoft_through_the_ACLU_and_its_appeal()
    {
        var paths = (await service.PostAsync("""
            {
              paths(from: { name: "Nicole Ozer" }, to: { name: "Microsoft" }, maxHops: 4) {
                length
                nodes { __typename ... on Actor { name } ... on Statement { kind } }
                steps { type from to }
              }
            }
            """)).Data().At("paths");

        var first = paths[0];
        Assert.Equal(5, paths.GetArrayLength());
        Assert.Equal(4, first.At("length").GetInt32());
        Assert.Equal(["Person", "Organisation", "Organisation", "Statement", "Organisation"], first.At("nodes").EnumerateArray().Select(n => n.At("__typename").GetString()));
        Assert.Equal(["Nicole Ozer", "ACLU of Northern California", "American Civil Liberties Union"], first.At("nodes").EnumerateArray().Take(3).Select(n => n.At("name").GetString()));
        Assert.Equal("APPEAL", first.At("nodes.3.kind").GetString());
        Assert.Equal("AFFILIATED_WITH", first.At("steps.0.type").GetString());
    }

    [Fact]
    public async Task The_companies_urged_or_pressed_most_and_everyones_stance_toward_Amazon()
    {
        var data = (await service.PostAsync("""
            {
              urged: statementCounts(filter: { kinds: [APPEAL, DEMAND] }, by: ADDRESSEE, organisationKinds: [COMPANY]) { count actor { name } }
              stances(target: { name: "Amazon" }) { actor { name } supportive critical score }
              network: actorNetwork(filter: { kinds: [APPEAL, DEMAND, CRITICISE] }) { edges { source target type count firstSaidOn } }
              ego: neighbourhood(actor: { name: "Amazon" }, kinds: [CRITICISE]) { nodes { name } edges { type source target statement { quote } } }
            }
            """)).Data();

        Assert.Equal(["Amazon", "Microsoft"], data.At("urged").EnumerateArray().Select(c => c.At("actor.name").GetString()));
        Assert.Equal(2, data.At("urged.0.count").GetInt32());
        Assert.Equal(("Nicole Ozer", -0.5), (data.At("stances.0.actor.name").GetString(), data.At("stances.0.score").GetDouble()));
        Assert.Equal(("nicole-ozer", "amazon", "DEMANDED", 2), (data.At("network.edges.0.source").GetString(), data.At("network.edges.0.target").GetString(), data.At("network.edges.0.type").GetString(), data.At("network.edges.0.count").GetInt32()));
        var criticism = Assert.Single(data.At("ego.edges").EnumerateArray(), e => e.At("type").GetString() == "CRITICISED");
        Assert.StartsWith("This surveillance technology", criticism.At("statement.quote").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_government_bodies_spoken_about_and_everyone_linked_to_both_Amazon_and_IBM()
    {
        var data = (await service.PostAsync("""
            {
              moratorium: statement(id: "amazon-rekognition-moratorium") { responses(first: 10) { totalCount nodes { id respondsTo { id } } } }
              answers: statements(filter: { isResponse: true }, first: 500) { totalCount nodes { respondsTo { id } } }
              others: statements(filter: { isResponse: false }) { totalCount }
              all: statements { totalCount }
              toTheMoratorium: statements(filter: { respondsTo: "amazon-rekognition-moratorium" }) { totalCount }
              government: statementCounts(by: SUBJECT, organisationKinds: [GOVERNMENT_BODY, LEGISLATURE]) { key count actor { name } }
              amazon: neighbourhood(actor: { name: "Amazon" }, roles: [EXEMPLAR]) { nodes { id } edges { source target targetRole statementId } }
              ibm: neighbourhood(actor: { name: "IBM" }, roles: [EXEMPLAR]) { nodes { id } }
              addresseesOnly: neighbourhood(actor: { name: "Amazon" }, roles: [ADDRESSEE]) { nodes { id } }
            }
            """)).Data();

        var responses = data.At("moratorium.responses");
        Assert.Contains("ozer-demands-blanket-moratorium", responses.At("nodes").Strings("id"));
        Assert.All(responses.At("nodes").EnumerateArray(), r => Assert.Equal("amazon-rekognition-moratorium", r.At("respondsTo.id").GetString()));
        Assert.Equal(responses.At("totalCount").GetInt32(), data.At("toTheMoratorium.totalCount").GetInt32());
        Assert.All(data.At("answers.nodes").EnumerateArray(), s => Assert.Equal(System.Text.Json.JsonValueKind.Object, s.At("respondsTo").ValueKind));
        Assert.Equal(data.At("all.totalCount").GetInt32(), data.At("answers.totalCount").GetInt32() + data.At("others.totalCount").GetInt32());
        Assert.Contains("United States Congress", data.At("government").EnumerateArray().Select(c => c.At("actor.name").GetString()));
        var cited = Assert.Single(data.At("amazon.edges").EnumerateArray(), e => e.At("statementId").ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.Equal(("aclu", "amazon", "EXEMPLAR"), (cited.At("source").GetString(), cited.At("target").GetString(), cited.At("targetRole").GetString()));
        Assert.Contains("aclu", data.At("ibm.nodes").Strings("id"));
        Assert.DoesNotContain("aclu", data.At("addresseesOnly.nodes").Strings("id"));
    }

    [Fact]
    public async Task Actors_and_topics_can_be_listed_a_page_at_a_time()
    {
        var data = (await service.PostAsync("""
            {
              busiest: actors(orderBy: STATEMENT_COUNT, first: 3) { name }
              next: actors(orderBy: STATEMENT_COUNT, first: 3, offset: 3) { name }
              byName: actors(orderBy: NAME, first: 500) { name }
              people: actors(type: PERSON, orderBy: NAME, first: 500) { __typename }
              words: actors(name: "northern california aclu") { name }
              topics(first: 3) { id name }
              recognition: topics(name: "recognition") { name }
            }
            """)).Data();
        var offsetTooFar = Assert.Single((await service.PostAsync("{ actors(offset: 100001) { id } }")).Errors());

        Assert.Equal("Amazon", data.At("busiest.0.name").GetString());
        Assert.Empty(data.At("busiest").Strings("name").Intersect(data.At("next").Strings("name")));
        var names = data.At("byName").Strings("name");
        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names);
        Assert.True(names.Count > 10);
        Assert.All(data.At("people").Strings("__typename"), t => Assert.Equal("Person", t));
        Assert.Equal(["ACLU of Northern California"], data.At("words").Strings("name"));
        Assert.Equal("facial recognition", data.At("topics.0.name").GetString());
        Assert.All(data.At("recognition").Strings("name"), n => Assert.Contains("recognition", n, StringComparison.Ordinal));
        Assert.Equal(("INVALID_VALUE", "offset"), (offsetTooFar.Code(), offsetTooFar.Field()));
    }

    [Fact]
    public async Task Hops_and_depths_beyond_the_limits_are_refused()
    {
        var hops = Assert.Single((await service.PostAsync("""{ paths(from: { id: "aclu" }, to: { id: "ibm" }, maxHops: 7) { length } }""")).Errors());
        var depth = Assert.Single((await service.PostAsync("""{ neighbourhood(actor: { id: "aclu" }, depth: 4) { nodes { id } } }""")).Errors());
        var unknown = Assert.Single((await service.PostAsync("""{ paths(from: { name: "Nobody Anywhere" }, to: { id: "ibm" }) { length } }""")).Errors());

        Assert.Equal(("INVALID_VALUE", "maxHops"), (hops.Code(), hops.Field()));
        Assert.Equal(("INVALID_VALUE", "depth"), (depth.Code(), depth.Field()));
        Assert.Equal(("UNKNOWN_ACTOR", "from.name"), (unknown.Code(), unknown.Field()));
    }

    [Fact]
    public async Task A_list_of_statements_costs_one_store_round_trip_per_level_and_kind_not_per_statement()
    {
        var calls = new ConcurrentQueue<string>();
        await using var counted = GraphServiceFactory.With(null, services => services.Replace(ServiceDescriptor.Singleton<IGraphReader>(sp =>
            CountingReader.Wrap(new EmbeddedGraphReader(sp.GetRequiredService<InMemoryGraph>()), calls))));

        var statements = (await counted.PostAsync("""
            { statements(first: 50) { nodes { id respondsTo { id speaker { name } } onBehalfOf { parent { name } } } } }
            """)).Data().At("statements.nodes");

        Assert.True(statements.GetArrayLength() >= 20);
        Assert.Equal(5, statements.EnumerateArray().Count(s => s.At("respondsTo").ValueKind != System.Text.Json.JsonValueKind.Null));
        // The page, which brings the actors its statements name (every speaker and parent here); then the statements answered.
        Assert.Equal(["FindStatementsAsync", "GetStatementsAsync"], calls.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_page_of_statements_reads_only_the_parts_the_query_shows_fragments_included()
    {
        var calls = new ConcurrentQueue<string>();
        var arguments = new ConcurrentQueue<object?[]>();
        await using var counted = GraphServiceFactory.With(null, services => services.Replace(ServiceDescriptor.Singleton<IGraphReader>(sp =>
            CountingReader.Wrap(new EmbeddedGraphReader(sp.GetRequiredService<InMemoryGraph>()), calls, arguments))));

        await counted.PostAsync("{ statements(first: 5) { totalCount nodes { id kind saidOn } } }");
        await counted.PostAsync("""
            query { statements(first: 5) { edges { node { ...Said } } } }
            fragment Said on Statement { quote sources { url } ... on Statement { speaker { name } } }
            """);
        await counted.PostAsync("{ organisation(id: \"amazon\") { statementsReceived { nodes { topics { name } } } } }");

        Assert.Equal(
            [StatementParts.None, StatementParts.Texts | StatementParts.Sources | StatementParts.Actors, StatementParts.Topics],
            arguments.Where(a => a.Length == 6).Select(a => (StatementParts)a[4]!));
    }

    /// <summary>Counts the calls made to a reader.</summary>
    public class CountingReader : DispatchProxy
    {
        private IGraphReader _inner = null!;
        private ConcurrentQueue<string> _calls = null!;
        private ConcurrentQueue<object?[]>? _arguments;

        public static IGraphReader Wrap(IGraphReader inner, ConcurrentQueue<string> calls, ConcurrentQueue<object?[]>? arguments = null)
        {
            var proxy = Create<IGraphReader, CountingReader>();
            var counting = (CountingReader)(object)proxy;
            counting._inner = inner;
            counting._calls = calls;
            counting._arguments = arguments;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            _calls.Enqueue(targetMethod!.Name);
            if (targetMethod.Name == nameof(IGraphReader.FindStatementsAsync))
            {
                _arguments?.Enqueue(args ?? []);
            }

            return targetMethod.Invoke(_inner, args);
        }
    }
}
