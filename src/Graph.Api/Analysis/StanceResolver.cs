using Graph.Api.Loading;
using Graph.Projection.Reading;
using GraphQL;
using GraphQL.DataLoader;

namespace Graph.Api.Analysis;

/// <summary>Resolves the two actors of a stance, batched.</summary>
public sealed class StanceResolver(GraphLoaders loaders)
{
    public IDataLoaderResult<ActorView?> Actor([FromSource] StanceView stance) => loaders.Actors.Load(stance.ActorId);

    public IDataLoaderResult<ActorView?> Target([FromSource] StanceView stance) => loaders.Actors.Load(stance.TargetId);
}
