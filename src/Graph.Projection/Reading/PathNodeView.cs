namespace Graph.Projection.Reading;

/// <summary>A node on a path, by id and kind.</summary>
public sealed record PathNodeView(string Id, PathNodeKind Kind);
