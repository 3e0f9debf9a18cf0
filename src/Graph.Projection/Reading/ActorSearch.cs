using Graph.Abstractions.Actors;

namespace Graph.Projection.Reading;

/// <summary>Which actors to list, and in what order.</summary>
/// <param name="Text">
/// Text to look for in names and aliases, compared as normalised names: a name matches when it holds every word of the
/// text, in any order and as parts of its own words ("ton that" finds "Hoan Ton-That"). Every actor when null or blank.
/// </param>
/// <param name="Type">Only organisations or only people.</param>
/// <param name="Order">How to sort them.</param>
/// <param name="Skip">How many to pass over first.</param>
/// <param name="Limit">The most returned.</param>
public sealed record ActorSearch(string? Text, ActorType? Type = null, ActorOrder Order = ActorOrder.Relevance, int Skip = 0, int Limit = 20)
{
    /// <summary>Every actor, by name.</summary>
    public static ActorSearch Everyone { get; } = new(null, Order: ActorOrder.Name, Limit: int.MaxValue);

    /// <summary>The text normalised as names are, or null when there is none.</summary>
    public string? NormalisedText => string.IsNullOrWhiteSpace(Text) ? null : ActorNames.Normalise(Text);

    /// <summary>The words of the text, split at anything but letters and digits, each at most once.</summary>
    public IReadOnlyList<string> Words => NormalisedText is { } text
        ? [.. new string([.. text.Select(c => char.IsLetterOrDigit(c) ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)]
        : [];
}
