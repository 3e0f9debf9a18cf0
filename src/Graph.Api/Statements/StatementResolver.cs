using Graph.Abstractions.Statements;
using Graph.Projection.Reading;
using Graph.Api.Loading;
using GraphQL;
using GraphQL.DataLoader;

namespace Graph.Api.Statements;

/// <summary>Resolves the fields of <c>Statement</c> that are not plain properties of <see cref="StatementView"/>.</summary>
public sealed class StatementResolver(GraphLoaders loaders, StatementPages pages)
{
    /// <remarks>One read of the store for each statement whose responses are asked for.</remarks>
    public Task<StatementConnection> Responses(
        [FromSource] StatementView statement, int? first, string? after, IResolveFieldContext context, CancellationToken cancellationToken) =>
        pages.LoadAsync(
            new StatementFilter(RespondsToId: statement.Id), StatementOrder.SaidOnDescending, first, after, StatementSelection.PartsOf(context), cancellationToken);

    public DatePrecision? SaidOnPrecision([FromSource] StatementView statement) => statement.SaidOn?.Precision;

    public bool Retracted([FromSource] StatementView statement) => statement.Retraction is not null;

    public IDataLoaderResult<StatementView?>? RespondsTo([FromSource] StatementView statement) =>
        statement.RespondsToId is null ? null : loaders.Statements.Load(statement.RespondsToId);

    // The actors in each role are read once per request, with every other actor the response names.
    public IDataLoaderResult<ActorView?> Speaker([FromSource] StatementView statement) => loaders.Actors.Load(statement.SpeakerId);

    public IDataLoaderResult<ActorView?>? OnBehalfOf([FromSource] StatementView statement) =>
        statement.OnBehalfOfId is null ? null : loaders.Actors.Load(statement.OnBehalfOfId);

    public IDataLoaderResult<IReadOnlyList<ActorView>> Addressees([FromSource] StatementView statement) => loaders.Actors.LoadMany(statement.AddresseeIds);

    public IDataLoaderResult<IReadOnlyList<ActorView>> Exemplars([FromSource] StatementView statement) => loaders.Actors.LoadMany(statement.ExemplarIds);

    public IDataLoaderResult<IReadOnlyList<ActorView>> Beneficiaries([FromSource] StatementView statement) =>
        loaders.Actors.LoadMany(statement.BeneficiaryIds);

    public IDataLoaderResult<IReadOnlyList<ActorView>> Subjects([FromSource] StatementView statement) => loaders.Actors.LoadMany(statement.SubjectIds);
}
