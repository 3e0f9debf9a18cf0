using Graph.Abstractions.Organisations;
using Graph.Abstractions.Statements;
using Graph.Api.Analysis;
using Graph.Api.Http;
using Graph.Api.Statements;
using Graph.Projection.Reading;

namespace Graph.Api.Queries;

/// <summary>The analyst's questions of <c>Query</c>: paths, networks, counts and stances.</summary>
public sealed partial class QueryResolver
{
    public async Task<IReadOnlyList<PathView>> Paths(Abstractions.Actors.ActorReference from, Abstractions.Actors.ActorReference to, int? maxHops, PathLink[]? via, bool? shortestOnly, int? first, CancellationToken cancellationToken)
    {
        var hops = maxHops ?? 4;
        if (hops is < 1 or > PathQuery.MaxHopsAllowed)
        {
            throw ApiErrors.Input("INVALID_VALUE", "maxHops", $"maxHops is {hops}; paths may have 1 to {PathQuery.MaxHopsAllowed} hops.");
        }

        var query = new PathQuery(
            (await lookup.ResolveAsync(from, "from"))!,
            (await lookup.ResolveAsync(to, "to"))!,
            hops,
            via is { Length: > 0 } links ? links.ToHashSet() : Enum.GetValues<PathLink>().ToHashSet(),
            shortestOnly ?? true,
            StatementPages.PageSize(first, 10, options.Value, "paths"));
        try
        {
            return await reader.FindPathsAsync(query, cancellationToken);
        }
        catch (PathSearchException tooLarge)
        {
            throw ApiErrors.Input("PATH_SEARCH_TOO_LARGE", "maxHops", tooLarge.Message);
        }
    }

    public async Task<NetworkView> Neighbourhood(
        Abstractions.Actors.ActorReference actor, int? depth, StatementKind[]? kinds, PartialDate? saidFrom, PartialDate? saidTo, StatementRole[]? roles, int? first,
        int? firstEdges, CancellationToken cancellationToken)
    {
        var hops = depth ?? 1;
        if (hops is < 1 or > NetworkView.MaxDepth)
        {
            throw ApiErrors.Input("INVALID_VALUE", "depth", $"depth is {hops}; a neighbourhood reaches 1 to {NetworkView.MaxDepth} hops out.");
        }

        var limit = first ?? NeighbourhoodQuery.DefaultLimit;
        if (limit is < 1 or > NeighbourhoodQuery.MaxLimit)
        {
            throw ApiErrors.Input("INVALID_VALUE", "first", $"first is {limit}; a neighbourhood holds 1 to {NeighbourhoodQuery.MaxLimit} actors besides its centre.");
        }

        var edgeLimit = firstEdges ?? NeighbourhoodQuery.DefaultEdgeLimit;
        if (edgeLimit is < 1 or > NeighbourhoodQuery.MaxEdgeLimit)
        {
            throw ApiErrors.Input("INVALID_VALUE", "firstEdges", $"firstEdges is {edgeLimit}; a neighbourhood holds 1 to {NeighbourhoodQuery.MaxEdgeLimit} edges.");
        }

        var query = new NeighbourhoodQuery((await lookup.ResolveAsync(actor, "actor"))!, hops, kinds, saidFrom?.Start, saidTo?.End, roles?.ToHashSet(), limit, edgeLimit);
        return await reader.GetNeighbourhoodAsync(query, cancellationToken);
    }

    public async Task<ActorNetworkView> ActorNetwork(StatementFilterInput? filter, int? first, CancellationToken cancellationToken) =>
        await reader.GetActorNetworkAsync(await filters.ResolveAsync(filter, "filter"), StatementPages.PageSize(first, 100, options.Value, "edges"), cancellationToken);

    public async Task<IReadOnlyList<StatementCount>> StatementCounts(StatementFilterInput? filter, CountDimension by, OrganisationKind[]? organisationKinds, int? first, CancellationToken cancellationToken)
    {
        var counts = await reader.CountStatementsAsync(await filters.ResolveAsync(filter, "filter"), by, organisationKinds, StatementPages.PageSize(first, 20, options.Value, "counts"), cancellationToken);
        return [.. counts.Select(c => new StatementCount(c.Key, c.Count, by, c.Label))];
    }

    public async Task<IReadOnlyList<StanceView>> Stances(Abstractions.Actors.ActorReference target, Abstractions.Actors.ActorReference? actor, int? first, CancellationToken cancellationToken) =>
        await reader.GetStancesAsync(
            (await lookup.ResolveAsync(target, "target"))!,
            await lookup.ResolveAsync(actor, "actor"),
            StatementPages.PageSize(first, 20, options.Value, "stances"),
            cancellationToken);
}
