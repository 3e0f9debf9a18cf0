using Graph.Abstractions.Statements;
using Graph.Api.Statements;
using Graph.Projection.Reading;
using Graph.Api.Loading;
using GraphQL;
using GraphQL.DataLoader;

namespace Graph.Api.Actors;

/// <summary>Resolves the fields of <c>Organisation</c> that are not plain properties of <see cref="OrganisationView"/>.</summary>
public sealed class OrganisationResolver(IGraphReader reader, StatementPages pages, GraphLoaders loaders)
{
    public IDataLoaderResult<ActorView?>? Parent([FromSource] OrganisationView organisation) =>
        organisation.ParentId is null ? null : loaders.Actors.Load(organisation.ParentId);

    public Task<IReadOnlyList<OrganisationView>> Parts([FromSource] OrganisationView organisation, CancellationToken cancellationToken) =>
        reader.GetPartsAsync(organisation.Id, cancellationToken);

    public Task<IReadOnlyList<AffiliationView>> Members([FromSource] OrganisationView organisation, CancellationToken cancellationToken) =>
        reader.GetMembersAsync(organisation.Id, cancellationToken);

    public Task<StatementConnection> StatementsMade(
        [FromSource] OrganisationView organisation, StatementKind[]? kinds, int? first, string? after, IResolveFieldContext context, CancellationToken cancellationToken) =>
        pages.ForActorAsync(organisation.Id, made: true, kinds, first, after, StatementSelection.PartsOf(context), cancellationToken);

    public Task<StatementConnection> StatementsReceived(
        [FromSource] OrganisationView organisation, StatementKind[]? kinds, int? first, string? after, IResolveFieldContext context, CancellationToken cancellationToken) =>
        pages.ForActorAsync(organisation.Id, made: false, kinds, first, after, StatementSelection.PartsOf(context), cancellationToken);
}
