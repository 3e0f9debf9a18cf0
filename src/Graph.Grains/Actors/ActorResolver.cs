using Graph.Abstractions.Actors;
using Graph.Abstractions.Commands;
using Graph.Abstractions.Directory;
using Graph.Abstractions.Organisations;
using Graph.Abstractions.People;

namespace Graph.Grains.Actors;

/// <summary>
/// Resolves the actors a command names, through the directory; notes the missing ones to create, when the command
/// allows it, so that nothing is created until the whole command has been checked.
/// </summary>
internal sealed class ActorResolver(IGrainFactory grains, Problems problems, bool createMissing)
{
    private readonly Dictionary<string, ActorKey> _missing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _missingNames = new(StringComparer.Ordinal);

    /// <summary>The actor's id, or null when there is none (a problem is noted when one was required).</summary>
    public async Task<string?> ResolveAsync(ActorReference? reference, string path, ActorType? requiredType = null)
    {
        if (reference is null)
        {
            return null;
        }

        if ((reference.Id is null) == (reference.Name is null))
        {
            problems.Add(ProblemCodes.InvalidValue, path, "Name an actor by its id or by its name, not both and not neither.");
            return null;
        }

        if (requiredType is { } required && reference.Type is { } given && given != required)
        {
            problems.Add(ProblemCodes.WrongActorType, path, $"This role takes {Describe(required)}, not {Describe(given)}.");
            return null;
        }

        var wantedType = reference.Type ?? requiredType;
        if (reference.Id is { } id)
        {
            var owner = EntityIds.IsValid(id) ? await grains.GetGrain<IDirectoryEntryGrain>(DirectoryKeys.ForId(id)).GetOwnerAsync() : null;
            if (owner is null)
            {
                problems.Add(ProblemCodes.UnknownActor, path + ".id", $"No actor has the id '{id}'.");
                return null;
            }

            return CheckType(owner, wantedType, path + ".id", $"'{id}'");
        }

        var name = problems.Name(reference.Name, path + ".name", "The actor's name");
        if (name is null)
        {
            return null;
        }

        var key = DirectoryKeys.ForName(name);
        var named = await grains.GetGrain<IDirectoryEntryGrain>(key).GetOwnerAsync();
        if (named is not null)
        {
            return CheckType(named, wantedType, path + ".name", $"'{name}'");
        }

        if (!createMissing)
        {
            problems.Add(ProblemCodes.UnknownActor, path + ".name", $"No actor is named '{name}'. Record it first, name it by id, or set createMissingActors to create it.");
            return null;
        }

        if (!_missing.TryGetValue(key, out var pending))
        {
            pending = new ActorKey(EntityIds.NewId(), wantedType ?? ActorType.Organisation);
            _missing.Add(key, pending);
            _missingNames.Add(key, name);
        }

        return CheckType(pending, wantedType, path + ".name", $"'{name}'");
    }

    /// <summary>Creates the missing actors noted while resolving; call only once the command is known to be valid.</summary>
    public async Task<ActorKey[]> CreateMissingAsync()
    {
        foreach (var (key, actor) in _missing)
        {
            var name = _missingNames[key];
            _ = actor.Type switch
            {
                ActorType.Person => await grains.GetGrain<IPersonGrain>(actor.Id).CreateAsync(new CreatePerson(actor.Id, name, [], [])),
                _ => await grains.GetGrain<IOrganisationGrain>(actor.Id).CreateAsync(new CreateOrganisation(actor.Id, name, OrganisationKind.Other, [], null, [])),
            };
        }

        return [.. _missing.Values];
    }

    private string? CheckType(ActorKey actor, ActorType? wanted, string path, string what)
    {
        if (wanted is { } type && actor.Type != type)
        {
            problems.Add(ProblemCodes.WrongActorType, path, $"{what} is {Describe(actor.Type)}; this role takes {Describe(type)}.");
            return null;
        }

        return actor.Id;
    }

    private static string Describe(ActorType type) => type == ActorType.Person ? "a person" : "an organisation";
}
