namespace Graph.Projection.Reading;

/// <summary>Why and when a statement was retracted.</summary>
public sealed record RetractionView(string? Reason, DateTimeOffset RetractedAt);
