namespace Graph.Embedded;

/// <summary>
/// What makes a relationship the one an upsert or removal means: its type, its ends and its key. Looked up by those four
/// directly, so the graph keeps no separate key per relationship.
/// </summary>
internal sealed class RelationshipIdentity :
    IEqualityComparer<GraphRelationship>,
    IAlternateEqualityComparer<(string Type, string From, string To, string? Key), GraphRelationship>
{
    public static RelationshipIdentity Instance { get; } = new();

    public bool Equals(GraphRelationship? x, GraphRelationship? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && Equals((x.Type, x.From.Id, x.To.Id, x.Key), y));

    public int GetHashCode(GraphRelationship obj) => GetHashCode((obj.Type, obj.From.Id, obj.To.Id, obj.Key));

    public bool Equals((string Type, string From, string To, string? Key) alternate, GraphRelationship other) =>
        string.Equals(alternate.Type, other.Type, StringComparison.Ordinal)
        && string.Equals(alternate.From, other.From.Id, StringComparison.Ordinal)
        && string.Equals(alternate.To, other.To.Id, StringComparison.Ordinal)
        && string.Equals(alternate.Key, other.Key, StringComparison.Ordinal);

    public int GetHashCode((string Type, string From, string To, string? Key) alternate) =>
        HashCode.Combine(
            StringComparer.Ordinal.GetHashCode(alternate.Type),
            StringComparer.Ordinal.GetHashCode(alternate.From),
            StringComparer.Ordinal.GetHashCode(alternate.To),
            alternate.Key is null ? 0 : StringComparer.Ordinal.GetHashCode(alternate.Key));

    /// <summary>Relationships are added whole, never made from their identity.</summary>
    public GraphRelationship Create((string Type, string From, string To, string? Key) alternate) =>
        throw new NotSupportedException("A relationship is added with its nodes, not made from its identity.");
}
