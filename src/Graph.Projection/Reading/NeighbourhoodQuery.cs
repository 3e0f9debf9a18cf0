using Graph.Abstractions.Statements;

namespace Graph.Projection.Reading;

/// <summary>Which ego network to draw around an actor.</summary>
/// <param name="ActorId">The actor at the centre.</param>
/// <param name="Depth">How many hops out, 1 to <see cref="NetworkView.MaxDepth"/>.</param>
/// <param name="Kinds">Only statements of these kinds; all when null or empty.</param>
/// <param name="SaidFrom">Only statements whose date may fall on or after this day.</param>
/// <param name="SaidTo">Only statements whose date may fall on or before this day.</param>
/// <param name="Roles">
/// The roles that link a statement's speaker to the actors in it; every role when null, none (affiliations and
/// part-of links only) when empty.
/// </param>
/// <param name="Limit">
/// The most actors besides the centre: at each hop, those with the most links to the actors already reached first
/// (ties by id), until the limit is reached.
/// </param>
/// <param name="EdgeLimit">
/// The most edges: those touching the centre first, in order of id; past the limit, which of the others are kept is
/// up to the store (each stops once it has enough, so a network of hubs costs no more than its limit).
/// </param>
public sealed record NeighbourhoodQuery(
    string ActorId,
    int Depth = 1,
    IReadOnlyList<StatementKind>? Kinds = null,
    DateOnly? SaidFrom = null,
    DateOnly? SaidTo = null,
    IReadOnlySet<StatementRole>? Roles = null,
    int Limit = NeighbourhoodQuery.DefaultLimit,
    int EdgeLimit = NeighbourhoodQuery.DefaultEdgeLimit)
{
    /// <summary>The most edges a neighbourhood holds unless asked otherwise.</summary>
    public const int DefaultEdgeLimit = 2_000;

    /// <summary>The most edges a neighbourhood may be asked for.</summary>
    public const int MaxEdgeLimit = 10_000;

    /// <summary>
    /// The edges a network keeps of <paramref name="edges"/> (each once): every edge when they fit, otherwise those
    /// touching the centre first, then the others, each part in order of id, up to <see cref="EdgeLimit"/>.
    /// </summary>
    public (IReadOnlyList<NetworkEdgeView> Edges, bool Truncated) Keep(IEnumerable<NetworkEdgeView> edges)
    {
        var selection = SelectEdges<NetworkEdgeView>();
        foreach (var edge in edges)
        {
            selection.Offer(edge, edge.Id, touchesCentre: edge.Source == ActorId || edge.Target == ActorId);
        }

        return (selection.Kept(), selection.Truncated);
    }

    /// <summary>An empty selection of this network's edges, for a store that makes an edge's view only once it is kept.</summary>
    public NetworkEdgeSelection<T> SelectEdges<T>() => new(EdgeLimit);

    /// <summary>The most actors besides the centre a neighbourhood holds unless asked otherwise.</summary>
    public const int DefaultLimit = 500;

    /// <summary>The most actors besides the centre a neighbourhood may be asked for.</summary>
    public const int MaxLimit = 2_000;

    /// <summary>The roles asked for: every role when none was said.</summary>
    public IReadOnlySet<StatementRole> RolesAsked => Roles ?? StatementRoles.All;
}
