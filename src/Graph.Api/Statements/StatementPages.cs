using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Graph.Abstractions.Statements;
using Graph.Api.Http;
using Graph.Api.Loading;
using Graph.Projection.Reading;
using Microsoft.Extensions.Options;

namespace Graph.Api.Statements;

/// <summary>Reads statements a page at a time, with opaque cursors.</summary>
public sealed class StatementPages(IGraphReader reader, GraphLoaders loaders, IOptions<GraphApiOptions> options)
{
    private const string CursorPrefix = "statement:";

    /// <summary>
    /// A page of statements with the parts <paramref name="parts"/> names; the actors that come with it go to the
    /// request's loader of actors, so resolving the roles costs no further read.
    /// </summary>
    public async Task<StatementConnection> LoadAsync(
        StatementFilter filter, StatementOrder order, int? first, string? after, StatementParts parts, CancellationToken cancellationToken)
    {
        var take = PageSize(first, 50, options.Value, "statements");

        var skip = after is null ? 0 : DecodeCursor(after) + 1;
        var page = await reader.FindStatementsAsync(filter, order, skip, take, parts, cancellationToken);
        loaders.Actors.Prime(page.Actors.Select(a => (a.Id, a)));

        var edges = page.Items.Select((s, i) => new StatementEdge(EncodeCursor(skip + i), s)).ToList();
        return new StatementConnection(
            page.Items,
            edges,
            new PageInfo(skip + page.Items.Count < page.TotalCount, skip > 0, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor),
            page.TotalCount);
    }

    /// <summary>The statements an actor made or received, of the given kinds.</summary>
    public Task<StatementConnection> ForActorAsync(
        string actorId, bool made, StatementKind[]? kinds, int? first, string? after, StatementParts parts, CancellationToken cancellationToken) =>
        LoadAsync(
            made ? new StatementFilter(Kinds: kinds, SpeakerId: actorId) : new StatementFilter(Kinds: kinds, AddresseeId: actorId),
            StatementOrder.SaidOnDescending,
            first,
            after,
            parts,
            cancellationToken);

    /// <summary>The page size asked for, within the configured maximum.</summary>
    /// <exception cref="GraphQL.ExecutionError">The page size is negative or above the maximum.</exception>
    public static int PageSize(int? first, int byDefault, GraphApiOptions limits, string what)
    {
        var take = first ?? byDefault;
        return take < 0 || take > limits.MaxPageSize
            ? throw ApiErrors.Input("MAX_PAGE_SIZE", "first", $"first is {take}; ask for 0 to {limits.MaxPageSize} {what} at a time.")
            : take;
    }

    private static string EncodeCursor(int offset) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(CursorPrefix + offset.ToString(CultureInfo.InvariantCulture)));

    private static int DecodeCursor(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (text.StartsWith(CursorPrefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(CursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw ApiErrors.Input("INVALID_CURSOR", "after", $"'{cursor}' is not a cursor this API gave out; pass an endCursor or edge cursor from an earlier page.");
    }
}
