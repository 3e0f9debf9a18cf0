using Graph.Abstractions.Statements;

namespace Graph.Projection.Reading;

/// <summary>A source a statement cites, with the quote's position in it when known.</summary>
public sealed record SourceView(string Id, string? Url, string? Title, string? Publisher, PartialDate? PublishedOn, int? QuoteStart, int? QuoteEnd);
