using Graph.Abstractions.Statements;
using Graph.Projection.Reading;
using GraphQL;

namespace Graph.Api.Statements;

/// <summary>Resolves the fields of <c>Statement</c> that are not plain properties of <see cref="StatementView"/>.</summary>
public sealed class StatementResolver(IGraphReader reader)
{
    public DatePrecision? SaidOnPrecision([FromSource] StatementView statement) => statement.SaidOn?.Precision;

    public bool Retracted([FromSource] StatementView statement) => statement.Retraction is not null;

    public async Task<StatementView?> RespondsTo([FromSource] StatementView statement, CancellationToken cancellationToken) =>
        statement.RespondsToId is null ? null : (await reader.GetStatementsAsync([statement.RespondsToId], cancellationToken)).FirstOrDefault();
}
