using Graph.Abstractions.Actors;
using Graph.Api.Actors;
using Graph.Api.Http;
using Graph.Api.Statements;
using Graph.Projection.Reading;
using GraphQL;
using Microsoft.Extensions.Options;

namespace Graph.Api.Queries;

/// <summary>Resolves the fields of <c>Query</c>.</summary>
public sealed partial class QueryResolver(IGraphReader reader, StatementPages pages, StatementFilters filters, ActorLookup lookup, IOptions<GraphApiOptions> options)
{
    public async Task<ActorView?> Actor(string id, CancellationToken cancellationToken) =>
        (await reader.GetActorsAsync([id], cancellationToken)).FirstOrDefault();

    public async Task<OrganisationView?> Organisation(string id, CancellationToken cancellationToken) =>
        await Actor(id, cancellationToken) as OrganisationView;

    public async Task<PersonView?> Person(string id, CancellationToken cancellationToken) =>
        await Actor(id, cancellationToken) as PersonView;

    /// <summary>The largest <c>offset</c> a listing takes.</summary>
    public const int MaxOffset = 100_000;

    public Task<IReadOnlyList<ActorView>> Actors(string? name, ActorType? type, ActorOrder? orderBy, int? first, int? offset, CancellationToken cancellationToken) =>
        reader.FindActorsAsync(
            new ActorSearch(name, type, orderBy ?? ActorOrder.Relevance, Offset(offset), StatementPages.PageSize(first, 20, options.Value, "actors")),
            cancellationToken);

    public Task<IReadOnlyList<TopicView>> Topics(string? name, int? first, int? offset, CancellationToken cancellationToken) =>
        reader.FindTopicsAsync(name, Offset(offset), StatementPages.PageSize(first, 20, options.Value, "topics"), cancellationToken);

    private static int Offset(int? offset) => offset switch
    {
        null => 0,
        < 0 or > MaxOffset => throw ApiErrors.Input("INVALID_VALUE", "offset", $"offset is {offset}; it must be from 0 to {MaxOffset}."),
        _ => offset.Value,
    };

    public async Task<StatementView?> Statement(string id, CancellationToken cancellationToken) =>
        (await reader.GetStatementsAsync([id], cancellationToken)).FirstOrDefault();

    public async Task<StatementConnection> Statements(
        StatementFilterInput? filter, StatementOrderInput? orderBy, int? first, string? after, IResolveFieldContext context, CancellationToken cancellationToken) =>
        await pages.LoadAsync(
            await filters.ResolveAsync(filter, "filter"), StatementFilters.Order(orderBy), first, after, StatementSelection.PartsOf(context), cancellationToken);
}
