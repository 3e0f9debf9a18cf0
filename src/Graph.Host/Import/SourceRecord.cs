using Graph.Abstractions.Records;

namespace Graph.Host.Import;

/// <summary>One record read from a source: the record, or why its line could not be read.</summary>
public sealed record SourceRecord(string Source, int Line, GraphRecord? Record, string? Error);
