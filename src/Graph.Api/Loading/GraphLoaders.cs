using Graph.Projection.Reading;

namespace Graph.Api.Loading;

/// <summary>The request's batch loaders of actors and statements by id.</summary>
public sealed class GraphLoaders(IGraphReader reader)
{
    public BatchLoader<string, ActorView> Actors { get; } = new(async (ids, cancellationToken) =>
        (await reader.GetActorsAsync(ids, cancellationToken)).ToDictionary(a => a.Id, StringComparer.Ordinal));

    public BatchLoader<string, StatementView> Statements { get; } = new(async (ids, cancellationToken) =>
        (await reader.GetStatementsAsync(ids, cancellationToken)).ToDictionary(s => s.Id, StringComparer.Ordinal));
}
