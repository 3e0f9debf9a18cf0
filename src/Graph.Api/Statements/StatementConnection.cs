using Graph.Projection.Reading;

namespace Graph.Api.Statements;

/// <summary>A page of statements, as the schema's <c>StatementConnection</c>.</summary>
public sealed record StatementConnection(IReadOnlyList<StatementView> Nodes, IReadOnlyList<StatementEdge> Edges, PageInfo PageInfo, int TotalCount);
