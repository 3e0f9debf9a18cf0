using Graph.Projection.Model;

namespace Graph.Projection.Reading;

/// <summary>The relationship types each kind of <see cref="PathLink"/> walks.</summary>
public static class PathLinks
{
    /// <summary>Every type a path may walk, whatever links it is allowed.</summary>
    public static IReadOnlyList<string> AllTypes { get; } = [.. Enum.GetValues<PathLink>().SelectMany(TypesOf)];

    /// <summary>The relationship types of one kind of link.</summary>
    public static IReadOnlyList<string> TypesOf(PathLink link) => link switch
    {
        PathLink.Statements => [RelationshipTypes.Made, .. RelationshipTypes.StatementRoles, RelationshipTypes.RespondsTo],
        PathLink.Affiliations => [RelationshipTypes.AffiliatedWith],
        PathLink.PartOf => [RelationshipTypes.PartOf],
        _ => throw new ArgumentOutOfRangeException(nameof(link), link, "Not a kind of path link."),
    };
}
