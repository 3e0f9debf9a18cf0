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
public sealed record NeighbourhoodQuery(
    string ActorId,
    int Depth = 1,
    IReadOnlyList<StatementKind>? Kinds = null,
    DateOnly? SaidFrom = null,
    DateOnly? SaidTo = null,
    IReadOnlySet<StatementRole>? Roles = null)
{
    /// <summary>The roles asked for: every role when none was said.</summary>
    public IReadOnlySet<StatementRole> RolesAsked => Roles ?? StatementRoles.All;
}
