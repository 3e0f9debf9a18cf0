using Graph.Abstractions.Actors;
using Graph.Abstractions.Commands;
using Graph.Abstractions.Directory;

namespace Graph.Grains.Actors;

/// <summary>
/// A planned change to an actor's hold on the directory: the id, name and aliases it must claim, and those it gives up.
/// </summary>
internal sealed class DirectoryClaims
{
    private readonly IGrainFactory _grains;
    private readonly ActorKey _owner;
    private readonly IReadOnlyList<Entry> _toClaim;
    private readonly IReadOnlyList<string> _toRelease;

    private DirectoryClaims(IGrainFactory grains, ActorKey owner, IReadOnlyList<Entry> toClaim, IReadOnlyList<string> toRelease)
    {
        _grains = grains;
        _owner = owner;
        _toClaim = toClaim;
        _toRelease = toRelease;
    }

    /// <summary>
    /// Plans the move from the entries an actor holds to those it wants, noting a problem for each wanted entry another
    /// actor holds; writes nothing.
    /// </summary>
    public static async Task<DirectoryClaims> PlanAsync(IGrainFactory grains, ActorKey owner, IReadOnlyList<Entry> held, IReadOnlyList<Entry> wanted, Problems problems)
    {
        var heldKeys = held.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var wantedKeys = wanted.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var toClaim = wanted.Where(e => !heldKeys.Contains(e.Key)).ToList();
        foreach (var entry in toClaim)
        {
            var holder = await grains.GetGrain<IDirectoryEntryGrain>(entry.Key).GetOwnerAsync();
            if (holder is not null && holder != owner)
            {
                problems.Add(entry.TakenCode, entry.Path, entry.IsId
                    ? $"The id '{entry.Text}' belongs to another actor."
                    : $"The name '{entry.Text}' belongs to another actor ({holder.Id}).");
            }
        }

        return new DirectoryClaims(grains, owner, toClaim, [.. heldKeys.Where(k => !wantedKeys.Contains(k))]);
    }

    /// <summary>The entries an actor with this id, name and aliases holds, each with the input field it comes from.</summary>
    public static IReadOnlyList<Entry> EntriesOf(string id, string? name, string[] aliases)
    {
        var entries = new List<Entry> { new(DirectoryKeys.ForId(id), "id", id) };
        if (name is not null)
        {
            entries.Add(new(DirectoryKeys.ForName(name), "name", name));
        }

        entries.AddRange(aliases.Select((alias, i) => new Entry(DirectoryKeys.ForName(alias), $"aliases[{i}]", alias)));
        return entries;
    }

    /// <summary>Claims every new entry, or none: when another actor won one in a race, those claimed are released.</summary>
    public async Task ClaimAsync()
    {
        var claimed = new List<string>();
        foreach (var entry in _toClaim)
        {
            var holder = await _grains.GetGrain<IDirectoryEntryGrain>(entry.Key).ClaimAsync(_owner);
            if (holder != _owner)
            {
                await ReleaseAsync(claimed);
                throw new InvalidInputException(entry.TakenCode, entry.Path, $"'{entry.Text}' was just taken by another actor ({holder.Id}); nothing was written.");
            }

            claimed.Add(entry.Key);
        }
    }

    /// <summary>Gives up the entries no longer wanted.</summary>
    public Task ReleaseAsync() => ReleaseAsync(_toRelease);

    private async Task ReleaseAsync(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            await _grains.GetGrain<IDirectoryEntryGrain>(key).ReleaseAsync(_owner);
        }
    }

    /// <summary>A directory entry, the input field it comes from, and the text to name it by in messages.</summary>
    public sealed record Entry(string Key, string Path, string Text)
    {
        public bool IsId => Path == "id";

        public string TakenCode => IsId ? ProblemCodes.IdTaken : ProblemCodes.NameTaken;
    }
}
