using System.Text;
using Graph.Projection.Reading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Graph.Api.Tests;

[Collection(GraphServiceCollection.Name)]
public sealed class LimitTests(GraphServiceFactory service)
{
    private const string IntrospectionQuery = """
        query IntrospectionQuery {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
        }
        """;

    [Fact]
    public async Task A_query_nested_13_deep_is_refused_and_says_how_deep_is_allowed()
    {
        var query = new StringBuilder("{ organisation(id: \"aclu-northern-california\") { ");
        for (var i = 0; i < 11; i++)
        {
            query.Append("parent { ");
        }

        query.Append("name").Append(new string('}', 12)).Append(" }");

        var error = Assert.Single((await service.PostAsync(query.ToString())).Errors());

        Assert.Equal("MAX_DEPTH", error.Code());
        Assert.Equal("The query nests fields 13 levels deep; at most 10 are allowed.", error.At("message").GetString());
    }

    [Fact]
    public async Task A_query_with_60_aliases_is_refused()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 60).Select(i => $"a{i}: actor(id: \"aclu\") {{ name }}")) + " }";

        var errors = (await service.PostAsync(query)).Errors();

        Assert.Contains(errors, e => e.Code() == "MAX_ALIASES" && e.At("message").GetString()!.Contains("at most 50", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sixty_aliases_of_typename_are_refused_too()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 60).Select(i => $"t{i}: __typename")) + " }";

        Assert.Contains((await service.PostAsync(query)).Errors(), e => e.Code() == "MAX_ALIASES");
    }

    [Fact]
    public async Task A_page_of_100000_is_refused_with_the_largest_page_allowed()
    {
        var error = Assert.Single((await service.PostAsync("{ statements(first: 100000) { totalCount } }")).Errors());

        Assert.Equal(("MAX_PAGE_SIZE", "first"), (error.Code(), error.Field()));
        Assert.Contains("0 to 500", error.At("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_multiplying_pages_beyond_the_complexity_budget_is_refused()
    {
        var error = Assert.Single((await service.PostAsync(
            "{ statements(first: 500) { nodes { speaker { statementsMade(first: 500) { nodes { id quote } } } } } }")).Errors());

        Assert.Equal("COMPLEXITY", error.Code());
        Assert.Contains("20000", error.At("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("Ask for smaller pages (first) or fewer fields inside lists", error.At("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        "{ statements(first: 20) { nodes { speaker { statementsMade(first: 20) { nodes { id quote summary } } } } } }",
        "{ statements(first: 20) { nodes { ...Made } } } fragment Made on Statement { speaker { statementsMade(first: 20) { nodes { ...Words } } } } fragment Words on Statement { id quote summary }")]
    [InlineData(
        "{ statements(first: 20) { nodes { speaker { statementsMade(first: 20) { nodes { id quote summary } } a: statementsMade(first: 20) { nodes { id } } } } } }",
        "{ statements(first: 20) { nodes { ... on Statement { speaker { ...Made } } } } } fragment Made on Actor { statementsMade(first: 20) { nodes { id quote summary } } a: statementsMade(first: 20) { nodes { id } } }")]
    public async Task Complexity_counts_fragments_as_if_they_were_written_out_where_they_are_spread(string inline, string fragments)
    {
        var limited = GraphServiceFactory.With(new Dictionary<string, string> { ["GraphQL:MaxComplexity"] = "100" }, null);
        await using var _ = limited;

        var writtenOut = Assert.Single((await limited.PostAsync(inline)).Errors());
        var spread = Assert.Single((await limited.PostAsync(fragments)).Errors());

        Assert.Equal("COMPLEXITY", writtenOut.Code());
        Assert.Equal(writtenOut.At("message").GetString(), spread.At("message").GetString());
    }

    [Fact]
    public async Task GraphiQLs_introspection_query_passes_every_limit()
    {
        var schema = (await service.PostAsync(IntrospectionQuery)).Data().At("__schema");

        Assert.Contains(schema.At("types").EnumerateArray(), t => t.At("name").GetString() == "Statement");
    }

    [Fact]
    public async Task In_Development_too_an_endpoint_that_fails_answers_500_without_its_details()
    {
        await using var failing = GraphServiceFactory.With(
            new Dictionary<string, string> { ["environment"] = "Development" },
            services => services.Replace(ServiceDescriptor.Singleton<IGraphReader>(new ThrowingReader())));
        using var client = failing.CreateClient();

        using var export = await client.GetAsync("/export?kinds=APPEAL");
        var body = await export.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, export.StatusCode);
        Assert.Contains("failure is logged", body, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resolver_that_throws_is_reported_without_its_details()
    {
        await using var failing = GraphServiceFactory.With(null, services => services.Replace(ServiceDescriptor.Singleton<IGraphReader>(new ThrowingReader())));

        var response = await failing.PostAsync("""{ statement(id: "aclu-urges-microsoft-to-follow-ibm-and-amazon") { id } }""");

        var error = Assert.Single(response.Errors());
        Assert.Equal("Error trying to resolve field 'statement'.", error.At("message").GetString());
        Assert.DoesNotContain("secret", response.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at ", response.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_running_past_the_timeout_is_stopped_with_a_clear_error()
    {
        await using var slow = GraphServiceFactory.With(
            new Dictionary<string, string> { ["GraphQL:ExecutionTimeout"] = "00:00:00.200" },
            services => services.Replace(ServiceDescriptor.Singleton<IGraphReader>(new ThrowingReader(delay: TimeSpan.FromSeconds(10)))));

        var error = Assert.Single((await slow.PostAsync("""{ statement(id: "x") { id } }""")).Errors());

        Assert.Equal("TIMEOUT", error.Code());
        Assert.Equal("The request ran longer than 0.2 s and was stopped.", error.At("message").GetString());
    }

    [Fact]
    public async Task With_introspection_off_the_schema_cannot_be_read_nor_guessed_from_suggestions()
    {
        await using var closed = GraphServiceFactory.With(new Dictionary<string, string> { ["GraphQL:EnableIntrospection"] = "false" }, null);

        var introspection = Assert.Single((await closed.PostAsync("{ __schema { types { name } } }")).Errors());
        var misspelt = Assert.Single((await closed.PostAsync("{ statment(id: \"x\") { id } }")).Errors());
        var openMisspelt = Assert.Single((await service.PostAsync("{ statment(id: \"x\") { id } }")).Errors());

        Assert.Equal("NO_INTROSPECTION", introspection.Code());
        Assert.DoesNotContain("Did you mean", misspelt.At("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("Did you mean", openMisspelt.At("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("ACLU of Northern California", (await closed.PostAsync("""{ actor(id: "aclu-northern-california") { name } }""")).Data().At("actor.name").GetString());
    }

    /// <summary>A reader that fails, or hangs, to see what a client is told.</summary>
    private sealed class ThrowingReader(TimeSpan? delay = null) : IGraphReader
    {
        public Task<IReadOnlyList<ActorView>> GetActorsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) => FailAsync<IReadOnlyList<ActorView>>(cancellationToken);

        public Task<IReadOnlyList<ActorView>> FindActorsAsync(ActorSearch search, CancellationToken cancellationToken = default) => FailAsync<IReadOnlyList<ActorView>>(cancellationToken);

        public Task<IReadOnlyList<TopicView>> FindTopicsAsync(string? text, int skip, int limit, CancellationToken cancellationToken = default) => FailAsync<IReadOnlyList<TopicView>>(cancellationToken);

        public Task<IReadOnlyList<StatementView>> GetStatementsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) => FailAsync<IReadOnlyList<StatementView>>(cancellationToken);

        public Task<StatementPage> FindStatementsAsync(StatementFilter filter, StatementOrder order, int skip, int take, StatementParts parts, CancellationToken cancellationToken = default) => FailAsync<StatementPage>(cancellationToken);

        public Task<IReadOnlyList<OrganisationView>> GetPartsAsync(string organisationId, CancellationToken cancellationToken = default) => FailAsync<IReadOnlyList<OrganisationView>>(cancellationToken);

        public Task<IReadOnlyList<AffiliationView>> GetMembersAsync(string organisationId, CancellationToken cancellationToken = default) => FailAsync<IReadOnlyList<AffiliationView>>(cancellationToken);

        public Task<IReadOnlyList<PathView>> FindPathsAsync(PathQuery query, CancellationToken cancellationToken = default) => FailAsync<IReadOnlyList<PathView>>(cancellationToken);

        public Task<NetworkView> GetNeighbourhoodAsync(NeighbourhoodQuery query, CancellationToken cancellationToken = default) => FailAsync<NetworkView>(cancellationToken);

        public Task<ActorNetworkView> GetActorNetworkAsync(StatementFilter filter, int limit, CancellationToken cancellationToken = default) => FailAsync<ActorNetworkView>(cancellationToken);

        public Task<IReadOnlyList<CountView>> CountStatementsAsync(StatementFilter filter, CountDimension by, IReadOnlyList<Abstractions.Organisations.OrganisationKind>? organisationKinds, int limit, CancellationToken cancellationToken = default) => FailAsync<IReadOnlyList<CountView>>(cancellationToken);

        public Task<IReadOnlyList<StanceView>> GetStancesAsync(string targetId, string? actorId, int limit, CancellationToken cancellationToken = default) => FailAsync<IReadOnlyList<StanceView>>(cancellationToken);

        private async Task<T> FailAsync<T>(CancellationToken cancellationToken)
        {
            if (delay is { } wait)
            {
                await Task.Delay(wait, cancellationToken);
            }

            throw new InvalidOperationException("secret connection string: Server=db;Password=hunter2");
        }
    }
}
