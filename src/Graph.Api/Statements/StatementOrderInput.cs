namespace Graph.Api.Statements;

/// <summary>The schema's <c>StatementOrder</c> input.</summary>
public sealed record StatementOrderInput(StatementOrderField Field = StatementOrderField.SaidOn, SortDirection Direction = SortDirection.Desc);
