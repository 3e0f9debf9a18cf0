using System.Globalization;
using Graph.Abstractions.Actors;
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
        var clauses = filter.ToClauses().Select(c => new Dictionary<string, object?>
        {
            ["kindSets"] = c.KindSets.Select(kinds => kinds.Select(GraphEnums.Name).ToArray()).ToArray(),
            ["speakerIds"] = c.SpeakerIds.ToArray(),
            ["addresseeIds"] = c.AddresseeIds.ToArray(),
            ["exemplarIds"] = c.ExemplarIds.ToArray(),
            ["beneficiaryIds"] = c.BeneficiaryIds.ToArray(),
            ["subjectIds"] = c.SubjectIds.ToArray(),
            ["actorIds"] = c.ActorIds.ToArray(),
            ["topicIdSets"] = c.TopicIdSets.Select(topics => topics.ToArray()).ToArray(),
            ["saidFrom"] = c.SaidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["saidTo"] = c.SaidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["texts"] = c.Texts.Select(t => t.ToLowerInvariant()).ToArray(),
            ["hasExemplar"] = c.HasExemplar,
        }).ToArray();
        var result = await ReadAsync(
            CypherStatements.FindStatements(order),
            cancellationToken,
            ("includeRetracted", filter.IncludeRetracted),
            ("clauses", clauses),
            ("skip", (long)skip),
            ("take", (long)take));
        var record = result.Records[0];
        return new StatementPage([.. record["page"].EnumerateArray().Select(Neo4jViews.Statement)], record["total"].GetInt32());
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<OrganisationView>> GetPartsAsync(string organisationId, CancellationToken cancellationToken = default) =>
        [.. (await ReadAsync(CypherStatements.OrganisationParts, cancellationToken, ("id", organisationId))).Records.Select(r => (OrganisationView)Neo4jViews.Actor(r["actor"]))];

    /// <inheritdoc/>
    public async Task<IReadOnlyList<AffiliationView>> GetMembersAsync(string organisationId, CancellationToken cancellationToken = default) =>
        [.. (await ReadAsync(CypherStatements.OrganisationMembers, cancellationToken, ("id", organisationId))).Records.Select(Neo4jViews.Member).Order(AffiliationOrder.ByPerson)];

    private Task<QueryResult> ReadAsync(CypherStatement statement, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        client.RunAsync(statement.Text, parameters.ToDictionary(p => p.Name, p => p.Value), AccessMode.Read, cancellationToken);
}
