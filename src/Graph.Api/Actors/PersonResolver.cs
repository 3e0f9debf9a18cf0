using Graph.Abstractions.Statements;
using Graph.Api.Statements;
using Graph.Projection.Reading;
using GraphQL;

namespace Graph.Api.Actors;

/// <summary>Resolves the fields of <c>Person</c> that are not plain properties of <see cref="PersonView"/>.</summary>
public sealed class PersonResolver(StatementPages pages)
{
    public Task<StatementConnection> StatementsMade(
        [FromSource] PersonView person, StatementKind[]? kinds, int? first, string? after, IResolveFieldContext context, CancellationToken cancellationToken) =>
        pages.ForActorAsync(person.Id, made: true, kinds, first, after, StatementSelection.PartsOf(context), cancellationToken);

    public Task<StatementConnection> StatementsReceived(
        [FromSource] PersonView person, StatementKind[]? kinds, int? first, string? after, IResolveFieldContext context, CancellationToken cancellationToken) =>
        pages.ForActorAsync(person.Id, made: false, kinds, first, after, StatementSelection.PartsOf(context), cancellationToken);
}
