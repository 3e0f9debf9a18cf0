using Graph.Abstractions.Actors;
using Graph.Abstractions.Commands;
using Graph.Abstractions.Directory;

namespace Graph.Grains.Actors;

/// <summary>An actor's hold on its id, name and aliases in the directory.</summary>
internal sealed class DirectoryClaims(IGrainFactory grains, ActorKey owner)
{
    /// <summary>The directory entries an actor with this id, name and aliases holds, with the input field of each.</summary>
    public static IReadOnlyList<(string Entry, string Path, string Text)> EntriesOf(string id, string? name, string[] aliases, string aliasesPath = "aliases")
    {
        var entries = new List<(string, string, string)> { (DirectoryKeys.ForId(id), "id", id) };
        if (name is not null)
        {
            entries.Add((DirectoryKeys.ForName(name), "name", name));
        }

        entries.AddRange(aliases.Select((alias, i) => (DirectoryKeys.ForName(alias), $"{aliasesPath}[{i}]", alias)));
        return entries;
    }

    /// <summary>Notes a problem for each entry another actor holds; writes nothing.</summary>
    public async Task CheckAvailableAsync(IEnumerable<(string Entry, string Path, string Text)> entries, Problems problems)
    {
        foreach (var (entry, path, text) in entries)
        {
            var holder = await grains.GetGrain<IDirectoryEntryGrain>(entry).GetOwnerAsync();
            if (holder is not null && holder != owner)
            {
                problems.Add(
                    path == "id" ? ProblemCodes.IdTaken : ProblemCodes.NameTaken,
                    path,
                    path == "id" ? $"The id '{text}' belongs to another actor." : $"The name '{text}' belongs to another actor ({holder.Id}).");
            }
        }
    }

    /// <summary>Claims every entry, or none: when another actor won one in a race, the rest are released.</summary>
    public async Task ClaimAllAsync(IReadOnlyList<(string Entry, string Path, string Text)> entries)
    {
        var claimed = new List<string>();
        foreach (var (entry, path, text) in entries)
        {
            var holder = await grains.GetGrain<IDirectoryEntryGrain>(entry).ClaimAsync(owner);
            if (holder != owner)
            {
                await ReleaseAllAsync(claimed);
                throw new InvalidInputException(
                    path == "id" ? ProblemCodes.IdTaken : ProblemCodes.NameTaken,
                    path,
                    $"'{text}' was just taken by another actor ({holder.Id}); nothing was written.");
            }

            claimed.Add(entry);
        }
    }

    public async Task ReleaseAllAsync(IEnumerable<string> entries)
    {
        foreach (var entry in entries)
        {
            await grains.GetGrain<IDirectoryEntryGrain>(entry).ReleaseAsync(owner);
        }
    }
}
