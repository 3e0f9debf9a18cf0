namespace Graph.Projection.Reading;

/// <summary>A page of statements and how many match in all.</summary>
public sealed record StatementPage(IReadOnlyList<StatementView> Items, int TotalCount);
