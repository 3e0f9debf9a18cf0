using Graph.Abstractions.Actors;
using Graph.Api.Actors;
using Graph.Api.Http;
using Graph.Api.Statements;
using Graph.Projection.Reading;

namespace Graph.Api.Queries;

/// <summary>Resolves the fields of <c>Query</c>.</summary>
public sealed class QueryResolver(IGraphReader reader, StatementPages pages, ActorLookup lookup)
{
    public async Task<ActorView?> Actor(string id, CancellationToken cancellationToken) =>
        (await reader.GetActorsAsync([id], cancellationToken)).FirstOrDefault();

    public async Task<OrganisationView?> Organisation(string id, CancellationToken cancellationToken) =>
        await Actor(id, cancellationToken) as OrganisationView;

    public async Task<PersonView?> Person(string id, CancellationToken cancellationToken) =>
        await Actor(id, cancellationToken) as PersonView;

    public Task<IReadOnlyList<ActorView>> Actors(string name, ActorType? type, int? first, CancellationToken cancellationToken)
    {
        var limit = first ?? 20;
        return limit is < 0 or > StatementPages.MaxPageSize
            ? throw ApiErrors.Input("INVALID_VALUE", "first", $"first is {limit}; ask for 0 to {StatementPages.MaxPageSize} actors at a time.")
            : string.IsNullOrWhiteSpace(name)
                ? throw ApiErrors.Input("INVALID_VALUE", "name", "Give some text to look for in names.")
                : reader.FindActorsAsync(name, type, limit, cancellationToken);
    }

    public async Task<StatementView?> Statement(string id, CancellationToken cancellationToken) =>
        (await reader.GetStatementsAsync([id], cancellationToken)).FirstOrDefault();

    public async Task<StatementConnection> Statements(StatementFilterInput? filter, int? first, string? after, CancellationToken cancellationToken)
    {
        filter ??= new StatementFilterInput();
        if (filter.SaidFrom is { } from && filter.SaidTo is { } to && from.Start > to.End)
        {
            throw ApiErrors.Input("INVALID_VALUE", "filter.saidFrom", $"saidFrom ({from}) is after saidTo ({to}).");
        }

        var resolved = new StatementFilter(
            Kinds: filter.Kinds,
            SpeakerId: await lookup.ResolveAsync(filter.Speaker, "filter.speaker"),
            AddresseeId: await lookup.ResolveAsync(filter.Addressee, "filter.addressee"),
            ExemplarId: await lookup.ResolveAsync(filter.Exemplar, "filter.exemplar"),
            BeneficiaryId: await lookup.ResolveAsync(filter.Beneficiary, "filter.beneficiary"),
            SubjectId: await lookup.ResolveAsync(filter.Subject, "filter.subject"),
            TopicId: string.IsNullOrWhiteSpace(filter.Topic) ? null : Abstractions.Statements.Topics.IdOf(filter.Topic),
            SaidFrom: filter.SaidFrom?.Start,
            SaidTo: filter.SaidTo?.End,
            Text: string.IsNullOrWhiteSpace(filter.Text) ? null : filter.Text.Trim(),
            HasExemplar: filter.HasExemplar,
            IncludeRetracted: filter.IncludeRetracted);
        return await pages.LoadAsync(resolved, first, after, cancellationToken);
    }
}
