using System.Globalization;
using System.Text;

namespace Graph.Abstractions.Actors;

/// <summary>The one normalisation of actor names and aliases used for look-ups and uniqueness.</summary>
public static class ActorNames
{
    /// <summary>
    /// Folds case, compatibility forms, diacritics and runs of white space, so "ACLU", " aclu " and "Aclu"
    /// are the same name, as are "Société Générale" and "Societe Generale".
    /// </summary>
    public static string Normalise(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var decomposed = name.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
