using Graph.Api.Loading;
using Graph.Projection.Reading;
using GraphQL;
using GraphQL.DataLoader;

namespace Graph.Api.Analysis;

/// <summary>Resolves the statement behind a network edge, batched.</summary>
public sealed class NetworkEdgeResolver(GraphLoaders loaders)
{
    public IDataLoaderResult<StatementView?>? Statement([FromSource] NetworkEdgeView edge) =>
        edge.StatementId is null ? null : loaders.Statements.Load(edge.StatementId);
}
