namespace Graph.Projection.Reading;

/// <summary>
/// What a read of statements returns besides each statement's id, kind, code, dates, confidence, whether it was
/// retracted, and the ids of the actors in each role (always there): only what the reader's caller will show.
/// </summary>
[Flags]
public enum StatementParts
{
    None = 0,

    /// <summary>The quote, the summary and the retraction's reason.</summary>
    Texts = 1,

    /// <summary>The topics.</summary>
    Topics = 2,

    /// <summary>The sources.</summary>
    Sources = 4,

    /// <summary>The actors the statements name, in any role, each once.</summary>
    Actors = 8,

    All = Texts | Topics | Sources | Actors,
}
