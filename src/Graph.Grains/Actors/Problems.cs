using Graph.Abstractions.Actors;
using Graph.Abstractions.Commands;
using Graph.Abstractions.Statements;

namespace Graph.Grains.Actors;

/// <summary>Collects everything wrong with a command's input, so one answer lists every problem.</summary>
internal sealed class Problems
{
    public const int MaxNameLength = 300;
    public const int MaxTextLength = 20_000;
    public const int MaxShortTextLength = 2_000;
    public const int MaxUrlLength = 2_048;

    private readonly List<InputProblem> _problems = [];

    public bool Any => _problems.Count > 0;

    public void Add(string code, string path, string message) => _problems.Add(new InputProblem(code, path, message));

    /// <exception cref="InvalidInputException">When any problem was found.</exception>
    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new InvalidInputException(_problems);
        }
    }

    /// <summary>Checks a client-chosen id against the grain's key.</summary>
    public void Id(string? id, string key, string path = "id")
    {
        if (id is not null && id != key)
        {
            Add(ProblemCodes.InvalidId, path, $"The id '{id}' does not match the grain key '{key}'.");
        }

        if (!EntityIds.IsValid(key))
        {
            Add(ProblemCodes.InvalidId, path, $"'{key}' is not a valid id: use {EntityIds.Description}.");
        }
    }

    /// <summary>
    /// A name cleaned as <see cref="ActorNames.Clean"/> does, or null (with a problem) when it is missing, too long or
    /// unfit (<see cref="ActorNames.Unfit"/>).
    /// </summary>
    public string? Name(string? value, string path, string what)
    {
        var cleaned = value is null ? null : ActorNames.Clean(value);
        if (string.IsNullOrEmpty(cleaned))
        {
            Add(ProblemCodes.Required, path, $"{what} is required and cannot be blank.");
            return null;
        }

        // Checked as given: a line break is refused, not quietly made a space.
        if (ActorNames.Unfit(value!) is { } reason)
        {
            Add(ProblemCodes.InvalidValue, path, $"{what} {reason}.");
            return null;
        }

        return Text(cleaned, path, what, MaxNameLength);
    }

    /// <summary>A trimmed text, null when blank; a problem when too long or holding control characters.</summary>
    public string? Text(string? value, string path, string what, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            Add(ProblemCodes.InvalidValue, path, $"{what} is {trimmed.Length} characters long; at most {maxLength} are allowed.");
        }

        if (trimmed.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            Add(ProblemCodes.InvalidValue, path, $"{what} contains control characters.");
        }

        return trimmed;
    }

    /// <summary>Aliases, cleaned as names are, without repeats or the name itself; at most <paramref name="max"/>.</summary>
    public string[] Aliases(string[]? aliases, string? name, string path, int max)
    {
        if (aliases is { Length: var count } && count > max)
        {
            Add(ProblemCodes.InvalidValue, path, $"{count} aliases are given; at most {max} are allowed (Actors:MaxAliases).");
            return [];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (name is not null)
        {
            seen.Add(ActorNames.Normalise(name));
        }

        var result = new List<string>();
        foreach (var (alias, index) in (aliases ?? []).Select((a, i) => (a, i)))
        {
            var trimmed = Name(alias, $"{path}[{index}]", "An alias");
            if (trimmed is not null && seen.Add(ActorNames.Normalise(trimmed)))
            {
                result.Add(trimmed);
            }
        }

        return [.. result];
    }

    /// <summary>A date that must not lie in the future.</summary>
    public void NotInFuture(PartialDate? date, string path, string what, DateOnly today)
    {
        if (date is { } value && value.Start > today)
        {
            Add(ProblemCodes.InvalidDate, path, $"{what} {value} is in the future.");
        }
    }

    /// <summary>An interval whose start must not come after its end.</summary>
    public void Ordered(PartialDate? from, PartialDate? to, string path, string what)
    {
        if (from is { } start && to is { } end && start.Start > end.End)
        {
            Add(ProblemCodes.InvalidDate, path, $"{what} starts ({start}) after it ends ({end}).");
        }
    }
}
