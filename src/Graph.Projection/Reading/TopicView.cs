namespace Graph.Projection.Reading;

/// <summary>A topic statements are about.</summary>
public sealed record TopicView(string Id, string Name);
