namespace Graph.Api.Statements;

/// <summary>Where a page lies in a list.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
