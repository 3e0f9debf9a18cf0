using Graph.Abstractions.Statements;
using Graph.Api.Statements;
using Graph.Projection.Reading;
using GraphQL;

namespace Graph.Api.Actors;

/// <summary>Resolves the fields of <c>Organisation</c> that are not plain properties of <see cref="OrganisationView"/>.</summary>
public sealed class OrganisationResolver(IGraphReader reader, StatementPages pages)
{
    public async Task<OrganisationView?> Parent([FromSource] OrganisationView organisation, CancellationToken cancellationToken) =>
        organisation.ParentId is null ? null : (await reader.GetActorsAsync([organisation.ParentId], cancellationToken)).OfType<OrganisationView>().FirstOrDefault();

    public Task<IReadOnlyList<OrganisationView>> Parts([FromSource] OrganisationView organisation, CancellationToken cancellationToken) =>
        reader.GetPartsAsync(organisation.Id, cancellationToken);

    public Task<IReadOnlyList<AffiliationView>> Members([FromSource] OrganisationView organisation, CancellationToken cancellationToken) =>
        reader.GetMembersAsync(organisation.Id, cancellationToken);

    public Task<StatementConnection> StatementsMade([FromSource] OrganisationView organisation, StatementKind[]? kinds, int? first, string? after, CancellationToken cancellationToken) =>
        pages.ForActorAsync(organisation.Id, made: true, kinds, first, after, cancellationToken);

    public Task<StatementConnection> StatementsReceived([FromSource] OrganisationView organisation, StatementKind[]? kinds, int? first, string? after, CancellationToken cancellationToken) =>
        pages.ForActorAsync(organisation.Id, made: false, kinds, first, after, cancellationToken);
}
