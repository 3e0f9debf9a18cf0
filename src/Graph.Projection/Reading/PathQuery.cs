namespace Graph.Projection.Reading;

/// <summary>Which paths to find between two actors.</summary>
/// <param name="MaxHops">The most relationships a path may have.</param>
/// <param name="Via">The kinds of link paths may use.</param>
/// <param name="ShortestOnly">Only the shortest paths; otherwise every path without repeated nodes, shortest first.</param>
/// <param name="Limit">The most paths returned, in order of length and then of the ids along them.</param>
public sealed record PathQuery(string FromId, string ToId, int MaxHops, IReadOnlySet<PathLink> Via, bool ShortestOnly, int Limit)
{
    /// <summary>The most hops a path query may ask for.</summary>
    public const int MaxHopsAllowed = 6;
}
