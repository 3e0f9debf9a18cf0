namespace Graph.Api.Statements;

/// <summary>What statements can be sorted by.</summary>
public enum StatementOrderField
{
    SaidOn,
    RecordedAt,
}
