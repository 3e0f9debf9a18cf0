namespace Graph.Projection.Model;

/// <summary>Creates a relationship between two existing nodes, or replaces its properties.</summary>
/// <param name="Key">
/// Tells apart relationships of one type between the same two nodes (a statement id, an affiliation key); null when
/// there is at most one.
/// </param>
public sealed record RelationshipUpsert(string Type, string FromId, string ToId, string? Key, IReadOnlyDictionary<string, object?> Properties)
    : GraphChange;
