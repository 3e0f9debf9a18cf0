using System.Globalization;
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
    public async Task<IReadOnlyList<ActorView>> GetActorsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        ids.Count == 0 ? [] : [.. (await ReadAsync(CypherStatements.ActorsById, cancellationToken, ("ids", ids.ToArray()))).Records.Select(r => Neo4jViews.Actor(r["actor"]))];

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ActorView>> FindActorsAsync(string text, ActorType? type, int limit, CancellationToken cancellationToken = default)
    {
        var label = type switch
        {
            ActorType.Organisation => NodeLabels.Organisation,
            ActorType.Person => NodeLabels.Person,
            _ => null,
        };
        var result = await ReadAsync(CypherStatements.FindActors, cancellationToken, ("text", ActorNames.Normalise(text)), ("label", label), ("limit", (long)limit));
        return [.. result.Records.Select(r => Neo4jViews.Actor(r["actor"]))];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StatementView>> GetStatementsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        ids.Count == 0 ? [] : [.. (await ReadAsync(CypherStatements.StatementsById, cancellationToken, ("ids", ids.ToArray()))).Records.Select(r => Neo4jViews.Statement(r["statement"]))];

    /// <inheritdoc/>
    public async Task<StatementPage> FindStatementsAsync(StatementFilter filter, StatementOrder order, int skip, int take, CancellationToken cancellationToken = default)
    {
        var result = await ReadAsync(CypherStatements.FindStatements(order), cancellationToken, [.. FilterParameters(filter), ("skip", (long)skip), ("take", (long)take)]);
        var record = result.Records[0];
        return new StatementPage([.. record["page"].EnumerateArray().Select(Neo4jViews.Statement)], record["total"].GetInt32());
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<OrganisationView>> GetPartsAsync(string organisationId, CancellationToken cancellationToken = default) =>
        [.. (await ReadAsync(CypherStatements.OrganisationParts, cancellationToken, ("id", organisationId))).Records.Select(r => (OrganisationView)Neo4jViews.Actor(r["actor"]))];

    /// <inheritdoc/>
    public async Task<IReadOnlyList<AffiliationView>> GetMembersAsync(string organisationId, CancellationToken cancellationToken = default) =>
        [.. (await ReadAsync(CypherStatements.OrganisationMembers, cancellationToken, ("id", organisationId))).Records.Select(Neo4jViews.Member).Order(AffiliationOrder.ByPerson)];

    /// <inheritdoc/>
    public async Task<IReadOnlyList<PathView>> FindPathsAsync(PathQuery query, CancellationToken cancellationToken = default)
    {
        if (query.FromId == query.ToId || query.Limit == 0)
        {
            return [];
        }

        var types = query.Via.SelectMany(LinkTypes).ToArray();
        var result = await ReadAsync(
            CypherStatements.FindPaths(query.MaxHops, query.ShortestOnly),
            cancellationToken,
            ("from", query.FromId), ("to", query.ToId), ("types", types), ("limit", (long)query.Limit));
        return [.. result.Records.Select(Neo4jViews.Path)];
    }

    /// <inheritdoc/>
    public async Task<NetworkView> GetNeighbourhoodAsync(string actorId, int depth, IReadOnlyList<StatementKind>? kinds, DateOnly? saidFrom, DateOnly? saidTo, CancellationToken cancellationToken = default)
    {
        var result = await ReadAsync(
            CypherStatements.Neighbourhood(depth),
            cancellationToken,
            ("id", actorId),
            ("kinds", kinds is { Count: > 0 } ? kinds.Select(GraphEnums.Name).ToArray() : null),
            ("saidFrom", IsoDate(saidFrom)),
            ("saidTo", IsoDate(saidTo)));
        if (result.Records.Count == 0)
        {
            return new NetworkView([], []);
        }

        var record = result.Records[0];
        return new NetworkView(
            [.. record["nodes"].EnumerateArray().Select(Neo4jViews.Actor).OrderBy(a => a.Id, StringComparer.Ordinal)],
            [.. record["edges"].EnumerateArray().Select(Neo4jViews.NetworkEdge).OrderBy(e => e.Id, StringComparer.Ordinal)]);
    }

    /// <inheritdoc/>
    public async Task<ActorNetworkView> GetActorNetworkAsync(StatementFilter filter, int limit, CancellationToken cancellationToken = default)
    {
        var result = await ReadAsync(CypherStatements.ActorNetwork, cancellationToken, [.. FilterParameters(filter), ("limit", (long)limit)]);
        var edges = result.Records.Select(Neo4jViews.WeightedEdge).ToList();
        var ids = edges.SelectMany(e => new[] { e.Source, e.Target }).Distinct().ToList();
        var nodes = await GetActorsAsync(ids, cancellationToken);
        return new ActorNetworkView([.. nodes.OrderBy(a => a.Id, StringComparer.Ordinal)], edges);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CountView>> CountStatementsAsync(StatementFilter filter, CountDimension by, IReadOnlyList<OrganisationKind>? organisationKinds, int limit, CancellationToken cancellationToken = default)
    {
        var result = await ReadAsync(
            CypherStatements.CountStatements(by),
            cancellationToken,
            [.. FilterParameters(filter),
             ("organisationKinds", organisationKinds is { Count: > 0 } ? organisationKinds.Select(GraphEnums.Name).ToArray() : null),
             ("limit", (long)limit)]);
        return [.. result.Records.Select(r => new CountView(r["key"].GetString()!, r["count"].GetInt32(), r["label"].ValueKind == System.Text.Json.JsonValueKind.String ? r["label"].GetString() : null))];
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
        return [.. result.Records.Select(r => new StanceView(r["actorId"].GetString()!, targetId, r["supportive"].GetInt32(), r["critical"].GetInt32(), r["other"].GetInt32()))];
    }

    private static IEnumerable<string> LinkTypes(PathLink link) => link switch
    {
        PathLink.Statements =>
        [
            RelationshipTypes.Made, RelationshipTypes.OnBehalfOf, RelationshipTypes.AddressedTo, RelationshipTypes.CitesExemplar,
            RelationshipTypes.Benefits, RelationshipTypes.Concerns, RelationshipTypes.RespondsTo,
        ],
        PathLink.Affiliations => [RelationshipTypes.AffiliatedWith],
        _ => [RelationshipTypes.PartOf],
    };

    private static string? IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A filter as the parameters of <c>MatchStatements</c>: its alternatives, each lists of conditions.</summary>
    private static (string Name, object? Value)[] FilterParameters(StatementFilter filter) =>
    [
        ("includeRetracted", filter.IncludeRetracted),
        ("clauses", filter.ToClauses().Select(c => new Dictionary<string, object?>
        {
            ["kindSets"] = c.KindSets.Select(kinds => kinds.Select(GraphEnums.Name).ToArray()).ToArray(),
            ["speakerIds"] = c.SpeakerIds.ToArray(),
            ["addresseeIds"] = c.AddresseeIds.ToArray(),
            ["exemplarIds"] = c.ExemplarIds.ToArray(),
            ["beneficiaryIds"] = c.BeneficiaryIds.ToArray(),
            ["subjectIds"] = c.SubjectIds.ToArray(),
            ["actorIds"] = c.ActorIds.ToArray(),
            ["topicIdSets"] = c.TopicIdSets.Select(topics => topics.ToArray()).ToArray(),
            ["saidFrom"] = IsoDate(c.SaidFrom),
            ["saidTo"] = IsoDate(c.SaidTo),
            ["texts"] = c.Texts.Select(t => t.ToLowerInvariant()).ToArray(),
            ["hasExemplar"] = c.HasExemplar,
        }).ToArray()),
    ];

    private Task<QueryResult> ReadAsync(CypherStatement statement, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        client.RunAsync(statement.Text, parameters.ToDictionary(p => p.Name, p => p.Value), AccessMode.Read, cancellationToken);
}
