namespace Graph.Abstractions.Statements;

/// <summary>Where a statement was published or reported, with the position of the quote in it when known.</summary>
[GenerateSerializer, Immutable, Alias("graph.statement-source")]
public sealed record StatementSource(
    [property: Id(0)] string? Url,
    [property: Id(1)] string? Title,
    [property: Id(2)] string? Publisher,
    [property: Id(3)] PartialDate? PublishedOn,
    [property: Id(4)] int? QuoteStart = null,
    [property: Id(5)] int? QuoteEnd = null)
{
    /// <summary>
    /// The id of the source's node in the graph: the same publication cited by many statements is one node.
    /// </summary>
    public string NodeId
    {
        get
        {
            // A non-cryptographic 128-bit hash: ids need to be stable and distinct, not secret, and a projection
            // computes one for every source of every statement it replays.
            var identity = Url is not null ? "url|" + Url : $"pub|{Publisher}|{Title}|{PublishedOn}";
            var hash = System.IO.Hashing.XxHash128.HashToUInt128(System.Text.Encoding.UTF8.GetBytes(identity));
            return "src-" + hash.ToString("x32", System.Globalization.CultureInfo.InvariantCulture)[..24];
        }
    }
}
