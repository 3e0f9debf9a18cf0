using Graph.Abstractions.Statements;
using Graph.Api.Loading;
using Graph.Projection.Model;
using Graph.Projection.Reading;
using GraphQL;
using GraphQL.DataLoader;

namespace Graph.Api.Analysis;

/// <summary>Resolves what a count's key stands for.</summary>
public sealed class StatementCountResolver(GraphLoaders loaders)
{
    public StatementKind? Kind([FromSource] StatementCount count) =>
        count.By == CountDimension.Kind ? GraphEnums.Parse<StatementKind>(count.Key) : null;

    public IDataLoaderResult<ActorView?>? Actor([FromSource] StatementCount count) =>
        CountDimensions.CountsActors(count.By) ? loaders.Actors.Load(count.Key) : null;

    public TopicView? Topic([FromSource] StatementCount count) =>
        count.By == CountDimension.Topic ? new TopicView(count.Key, count.Label ?? count.Key) : null;
}
