using System.Globalization;

namespace Graph.Api.Writes;

/// <summary>
/// What a mutation hands back so that a later request, to any API node, reads a graph that holds its write: the log
/// position of the write, written as a whole number. Sent back as the <c>Consistency-Token</c> header.
/// </summary>
public static class ConsistencyToken
{
    public const string HeaderName = "Consistency-Token";

    public static string For(long position) => position.ToString(CultureInfo.InvariantCulture);

    /// <summary>The position a token names, or false for anything a mutation could not have returned.</summary>
    public static bool TryParse(string? token, out long position) =>
        long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out position);
}
