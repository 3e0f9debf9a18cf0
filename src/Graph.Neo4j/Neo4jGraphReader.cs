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
    public async Task<StatementPage> FindStatementsAsync(StatementFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        var result = await ReadAsync(
            CypherStatements.FindStatements,
            cancellationToken,
            ("includeRetracted", filter.IncludeRetracted),
            ("kinds", filter.Kinds is { Count: > 0 } kinds ? kinds.Select(GraphEnums.Name).ToArray() : null),
            ("speakerId", filter.SpeakerId),
            ("addresseeId", filter.AddresseeId),
            ("exemplarId", filter.ExemplarId),
            ("beneficiaryId", filter.BeneficiaryId),
            ("subjectId", filter.SubjectId),
            ("topicId", filter.TopicId),
            ("saidFrom", filter.SaidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("saidTo", filter.SaidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("text", filter.Text),
            ("hasExemplar", filter.HasExemplar),
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
