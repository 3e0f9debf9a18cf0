using Graph.Api.Loading;
using Graph.Projection.Reading;
using GraphQL;
using GraphQL.DataLoader;

namespace Graph.Api.Analysis;

/// <summary>Resolves a <c>Path</c>'s nodes to organisations, people and statements, batched across every path of the answer.</summary>
public sealed class PathResolver(GraphLoaders loaders)
{
    public IDataLoaderResult<IReadOnlyList<object>> Nodes([FromSource] PathView path)
    {
        var nodes = path.Nodes
            .Select(n => n.Kind == PathNodeKind.Statement ? (IDataLoaderResult)loaders.Statements.Load(n.Id) : loaders.Actors.Load(n.Id))
            .ToList();
        return new Deferred<IReadOnlyList<object>>(async cancellationToken =>
        {
            var loaded = new List<object>(nodes.Count);
            foreach (var node in nodes)
            {
                if (await node.GetResultAsync(cancellationToken) is { } value)
                {
                    loaded.Add(value);
                }
            }

            return loaded;
        });
    }
}
