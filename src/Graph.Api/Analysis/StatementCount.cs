using Graph.Projection.Reading;

namespace Graph.Api.Analysis;

/// <summary>One key of a count, knowing what was counted so it can show the kind, actor or topic behind the key.</summary>
public sealed record StatementCount(string Key, int Count, CountDimension By, string? Label);
