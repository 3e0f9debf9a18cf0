namespace Graph.Projection.Reading;

/// <summary>The orders statements can be read in; ties are broken by id.</summary>
public enum StatementOrder
{
    /// <summary>Newest said first; undated last.</summary>
    SaidOnDescending,

    /// <summary>Oldest said first; undated last.</summary>
    SaidOnAscending,

    /// <summary>Most recently recorded first.</summary>
    RecordedAtDescending,

    /// <summary>First recorded first.</summary>
    RecordedAtAscending,
}
