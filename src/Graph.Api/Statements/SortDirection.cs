namespace Graph.Api.Statements;

/// <summary>Which way to sort.</summary>
public enum SortDirection
{
    Asc,
    Desc,
}
