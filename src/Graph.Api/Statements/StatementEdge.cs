using Graph.Projection.Reading;

namespace Graph.Api.Statements;

/// <summary>A statement with its cursor.</summary>
public sealed record StatementEdge(string Cursor, StatementView Node);
