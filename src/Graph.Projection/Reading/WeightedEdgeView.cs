using Graph.Abstractions.Statements;

namespace Graph.Projection.Reading;

/// <summary>
/// Every statement of one kind from one actor to another, collapsed into one edge: how many, and the first and last
/// dates said (undated statements count, but give no date).
/// </summary>
public sealed record WeightedEdgeView(string Source, string Target, StatementKind Kind, int Count, PartialDate? FirstSaidOn, PartialDate? LastSaidOn);
