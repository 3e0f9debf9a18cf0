namespace Graph.Api.Writes;

/// <summary>The schema's <c>RetractStatementInput</c>.</summary>
public sealed record RetractStatementInput(string Id, string? Reason);
