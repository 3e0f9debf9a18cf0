namespace Graph.Projection.Reading;

/// <summary>A statement filter that cannot be run as given.</summary>
public sealed class StatementFilterException(string message) : Exception(message);
