namespace Graph.Projection.Reading;

/// <summary>How many statements fall under one key of a count, with the key's name where it has one (a topic's).</summary>
public sealed record CountView(string Key, int Count, string? Label = null);
