using System.Text;
using Graph.Abstractions.Actors;

namespace Graph.Abstractions.Statements;

/// <summary>Topics are named freely; statements naming the same topic share one topic node.</summary>
public static class Topics
{
    /// <summary>The words of a text as a topic's id spells them, to find topics by: none for a blank text.</summary>
    public static string[] WordsOf(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : IdOf(text)["topic-".Length..].Split('-', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The id of a topic's node: its normalised name with anything but letters and digits turned into dashes.</summary>
    public static string IdOf(string name)
    {
        var normalised = ActorNames.Normalise(name);
        var builder = new StringBuilder("topic-", normalised.Length + 6);
        var dash = false;
        foreach (var c in normalised)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (dash && builder.Length > 6)
                {
                    builder.Append('-');
                }

                builder.Append(c);
                dash = false;
            }
            else
            {
                dash = true;
            }
        }

        return builder.ToString();
    }
}
