namespace Graph.Projection.Reading;

/// <summary>One relationship of a path, as stored: its type and the ids of its start and end.</summary>
public sealed record PathStepView(string Type, string From, string To);
