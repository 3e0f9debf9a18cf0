using System.Text.RegularExpressions;

namespace Graph.Abstractions.Actors;

/// <summary>Rules for the ids of actors and statements, whether chosen by a client or generated.</summary>
public static partial class EntityIds
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 128;

    /// <summary>Whether <paramref name="id"/> is an acceptable client-chosen id.</summary>
    public static bool IsValid(string id) => id.Length <= MaxLength && IdPattern().IsMatch(id);

    /// <summary>A new time-ordered id, unique without coordination.</summary>
    public static string NewId() => Guid.CreateVersion7().ToString("N");

    /// <summary>What a valid id looks like, for error messages.</summary>
    public const string Description = "1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
