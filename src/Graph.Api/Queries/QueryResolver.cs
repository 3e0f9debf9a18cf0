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

    public Task<IReadOnlyList<ActorView>> Actors(string name, ActorType? type, int? first, CancellationToken cancellationToken)
    {
        var limit = StatementPages.PageSize(first, 20, options.Value, "actors");
        return string.IsNullOrWhiteSpace(name)
            ? throw ApiErrors.Input("INVALID_VALUE", "name", "Give some text to look for in names.")
            : reader.FindActorsAsync(name, type, limit, cancellationToken);
    }

    public async Task<StatementView?> Statement(string id, CancellationToken cancellationToken) =>
        (await reader.GetStatementsAsync([id], cancellationToken)).FirstOrDefault();

    public async Task<StatementConnection> Statements(
        StatementFilterInput? filter, StatementOrderInput? orderBy, int? first, string? after, IResolveFieldContext context, CancellationToken cancellationToken) =>
        await pages.LoadAsync(
            await filters.ResolveAsync(filter, "filter"), StatementFilters.Order(orderBy), first, after, StatementSelection.PartsOf(context), cancellationToken);
}
