namespace Graph.Projection.Reading;

/// <summary>A path search that would walk too much of the graph to answer.</summary>
public sealed class PathSearchException(string message) : Exception(message);
