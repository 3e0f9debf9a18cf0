namespace Graph.Projection.Reading;

/// <summary>How a list of actors is sorted; ties are broken by name, then id.</summary>
public enum ActorOrder
{
    /// <summary>Exact matches of the text first, then names holding it as typed, then names holding its words in any order.</summary>
    Relevance,

    /// <summary>By name.</summary>
    Name,

    /// <summary>Those in the most statements (in any role, retracted ones left out) first.</summary>
    StatementCount,
}
