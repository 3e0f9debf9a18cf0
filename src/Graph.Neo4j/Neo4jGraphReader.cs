using Graph.Abstractions.Actors;
using Graph.Abstractions.Organisations;
using Graph.Abstractions.Statements;
using Graph.Neo4j.Client;
using Graph.Neo4j.Cypher;
using Graph.Projection.Model;
using Graph.Projection.Reading;

namespace Graph.Neo4j;

/// <summary>Answers the API's questions in Cypher, with read access, from the graph the projection keeps in Neo4j.</summary>
public sealed class Neo4jGraphReader(INeo4jClient client) : IGraphReader
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<ActorView>> GetActorsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var result = await ReadAsync(CypherStatements.ActorsById, cancellationToken, ("ids", ids.ToArray()));
        return [.. result.Records.Select(r => Neo4jViews.Actor(r["actor"]))];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ActorView>> FindActorsAsync(ActorSearch search, CancellationToken cancellationToken = default)
    {
        var label = search.Type switch
        {
            ActorType.Organisation => NodeLabels.Organisation,
            ActorType.Person => NodeLabels.Person,
            _ => null,
        };
        var result = await ReadAsync(
            CypherStatements.FindActors(search.Order),
            cancellationToken,
            ("text", search.NormalisedText),
            ("words", search.Words.ToArray()),
            ("label", label),
            ("skip", (long)search.Skip),
            ("limit", (long)search.Limit));
        return [.. result.Records.Select(r => Neo4jViews.Actor(r["actor"]))];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<TopicView>> FindTopicsAsync(string? text, int skip, int limit, CancellationToken cancellationToken = default)
    {
        var result = await ReadAsync(
            CypherStatements.FindTopics, cancellationToken, ("words", Topics.WordsOf(text)), ("skip", (long)skip), ("limit", (long)limit));
        return [.. result.Records.Select(r => new TopicView(r["id"].GetString()!, r["name"].GetString()!))];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StatementView>> GetStatementsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var result = await ReadAsync(CypherStatements.StatementsById, cancellationToken, ("ids", ids.ToArray()));
        return [.. result.Records.Select(r => Neo4jViews.Statement(r["statement"]))];
    }

    /// <inheritdoc/>
    public async Task<StatementPage> FindStatementsAsync(
        StatementFilter filter, StatementOrder order, int skip, int take, StatementParts parts, CancellationToken cancellationToken = default)
    {
        var record = (await ReadAsync(CypherStatements.FindStatements(filter, order, skip, take, parts), cancellationToken)).Records[0];
        return new StatementPage(
            [.. record["page"].EnumerateArray().Select(Neo4jViews.Statement)],
            record["total"].GetInt32(),
            [.. record["actors"].EnumerateArray().Select(Neo4jViews.Actor)]);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<OrganisationView>> GetPartsAsync(string organisationId, CancellationToken cancellationToken = default)
    {
        var result = await ReadAsync(CypherStatements.OrganisationParts, cancellationToken, ("id", organisationId));
        return [.. result.Records.Select(r => (OrganisationView)Neo4jViews.Actor(r["actor"]))];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<AffiliationView>> GetMembersAsync(string organisationId, CancellationToken cancellationToken = default)
    {
        var result = await ReadAsync(CypherStatements.OrganisationMembers, cancellationToken, ("id", organisationId));
        return [.. result.Records.Select(Neo4jViews.Member).Order(AffiliationOrder.ByPerson)];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<PathView>> FindPathsAsync(PathQuery query, CancellationToken cancellationToken = default)
    {
        if (query.FromId == query.ToId || query.Limit == 0 || query.Via.Count == 0)
        {
            return [];
        }

        return [.. (await ReadAsync(CypherStatements.FindPaths(query), cancellationToken)).Records.Select(Neo4jViews.Path)];
    }

    /// <inheritdoc/>
    public async Task<NetworkView> GetNeighbourhoodAsync(NeighbourhoodQuery query, CancellationToken cancellationToken = default)
    {
        var result = await ReadAsync(CypherStatements.Neighbourhood(query), cancellationToken);
        var actors = result.Records.Select(r => Neo4jViews.Actor(r["actor"])).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        var reached = actors.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        // Every edge among the actors is read, and the limit applied here; a network of hubs costs Neo4j all of them.
        var (edges, cut) = query.Keep(result.Records
            .SelectMany(r => r["edges"].EnumerateArray())
            .Select(Neo4jViews.NetworkEdge)
            .Where(e => reached.Contains(e.Target)));
        return new NetworkView(actors, edges, cut || (result.Records.Count > 0 && result.Records[0]["truncated"].GetBoolean()));
    }

    /// <inheritdoc/>
    public async Task<ActorNetworkView> GetActorNetworkAsync(StatementFilter filter, int limit, CancellationToken cancellationToken = default)
    {
        var result = await ReadAsync(CypherStatements.ActorNetwork(filter, limit), cancellationToken);
        var edges = result.Records.Select(Neo4jViews.WeightedEdge).ToList();
        var nodes = await GetActorsAsync(edges.SelectMany(e => new[] { e.Source, e.Target }).Distinct().ToList(), cancellationToken);
        return new ActorNetworkView([.. nodes.OrderBy(a => a.Id, StringComparer.Ordinal)], edges);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CountView>> CountStatementsAsync(
        StatementFilter filter, CountDimension by, IReadOnlyList<OrganisationKind>? organisationKinds, int limit, CancellationToken cancellationToken = default)
    {
        var kinds = organisationKinds?.Select(GraphEnums.Name).ToList() ?? [];
        var result = await ReadAsync(CypherStatements.CountStatements(filter, by, kinds, limit), cancellationToken);
        return [.. result.Records.Select(Neo4jViews.Count)];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StanceView>> GetStancesAsync(string targetId, string? actorId, int limit, CancellationToken cancellationToken = default)
    {
        var result = await ReadAsync(
            CypherStatements.Stances,
            cancellationToken,
            ("targetId", targetId),
            ("actorId", actorId),
            ("supportive", Projection.Reading.Stances.Supportive.Select(GraphEnums.Name).ToArray()),
            ("critical", Projection.Reading.Stances.Critical.Select(GraphEnums.Name).ToArray()),
            ("limit", (long)limit));
        return [.. result.Records.Select(r => Neo4jViews.Stance(r, targetId))];
    }

    private Task<QueryResult> ReadAsync(CompiledQuery query, CancellationToken cancellationToken) =>
        client.RunAsync(query.Statement.Text, query.Parameters, AccessMode.Read, cancellationToken);

    private Task<QueryResult> ReadAsync(CypherStatement statement, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        client.RunAsync(statement.Text, parameters.ToDictionary(p => p.Name, p => p.Value), AccessMode.Read, cancellationToken);
}
