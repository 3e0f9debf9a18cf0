namespace Graph.Projection.Model;

/// <summary>Creates a node, or merges properties into it.</summary>
/// <param name="Version">
/// The log position of the event behind the change; a node never takes a change older than its current version.
/// </param>
public sealed record NodeUpsert(string Id, IReadOnlyList<string> Labels, IReadOnlyDictionary<string, object?> Properties, long Version)
    : GraphChange;
