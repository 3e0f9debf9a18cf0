using System.Globalization;
using System.Text;

namespace Graph.Abstractions.Actors;

/// <summary>The one normalisation of actor names and aliases used for look-ups and uniqueness.</summary>
public static class ActorNames
{
    /// <summary>
    /// A name as it is kept and shown: Unicode NFKC (so full-width and other compatibility forms become the ordinary
    /// letters), trimmed, with every run of white space one space.
    /// </summary>
    public static string Clean(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Collapse(name.Normalize(NormalizationForm.FormKC), c => c);
    }

    /// <summary>
    /// Why a name cannot be used, or null when it can: control characters (a name is one line) and the characters
    /// that reorder text around them (bidirectional overrides, embeddings and isolates), which can make a name read
    /// as another.
    /// </summary>
    public static string? Unfit(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var c in name)
        {
            if (char.IsControl(c) && c != '\t')
            {
                return $"contains a control character (U+{(int)c:X4}); a name is one line of text";
            }

            if (c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
            {
                return $"contains a character that reorders the text around it (U+{(int)c:X4})";
            }
        }

        return Normalise(name).Length == 0 ? "has no visible characters" : null;
    }

    /// <summary>
    /// Folds case, compatibility forms, diacritics and runs of white space, so "ACLU", " aclu " and "Aclu"
    /// are the same name, as are "Société Générale" and "Societe Generale".
    /// </summary>
    public static string Normalise(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Collapse(name.Normalize(NormalizationForm.FormKD), c =>
            CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
                ? null
                : char.ToLowerInvariant(c));
    }

    /// <summary>
    /// The text trimmed, each run of white space one space, every other character mapped (null drops it).
    /// </summary>
    private static string Collapse(string text, Func<char, char?> map)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (map(c) is not { } mapped)
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(mapped);
        }

        return builder.ToString();
    }
}
