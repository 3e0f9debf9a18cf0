using Graph.Abstractions.Statements;
using Graph.Projection.Reading;
using Graph.Api.Loading;
using GraphQL;
using GraphQL.DataLoader;

namespace Graph.Api.Statements;

/// <summary>Resolves the fields of <c>Statement</c> that are not plain properties of <see cref="StatementView"/>.</summary>
public sealed class StatementResolver(GraphLoaders loaders)
{
    public DatePrecision? SaidOnPrecision([FromSource] StatementView statement) => statement.SaidOn?.Precision;

    public bool Retracted([FromSource] StatementView statement) => statement.Retraction is not null;

    public IDataLoaderResult<StatementView?>? RespondsTo([FromSource] StatementView statement) =>
        statement.RespondsToId is null ? null : loaders.Statements.Load(statement.RespondsToId);
}
