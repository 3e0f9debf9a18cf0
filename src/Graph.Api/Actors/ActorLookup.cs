using Graph.Abstractions.Actors;
using Graph.Abstractions.Directory;
using Graph.Api.Http;

namespace Graph.Api.Actors;

/// <summary>Resolves actors named in query arguments through the actor directory.</summary>
public sealed class ActorLookup(IGrainFactory grains)
{
    /// <summary>The id of the actor named, or null when none was named.</summary>
    /// <exception cref="GraphQL.ExecutionError">No actor has that id or name.</exception>
    public async Task<string?> ResolveAsync(ActorReference? reference, string field)
    {
        if (reference is null)
        {
            return null;
        }

        if ((reference.Id is null) == (reference.Name is null))
        {
            throw ApiErrors.Input("INVALID_VALUE", field, "Name an actor by its id or by its name, not both and not neither.");
        }

        var entry = reference.Id is { } id ? DirectoryKeys.ForId(id) : DirectoryKeys.ForName(reference.Name!);
        var owner = string.IsNullOrWhiteSpace(reference.Id ?? reference.Name) ? null : await grains.GetGrain<IDirectoryEntryGrain>(entry).GetOwnerAsync();
        if (owner is null || (reference.Type is { } type && owner.Type != type))
        {
            throw reference.Id is not null
                ? ApiErrors.Input("UNKNOWN_ACTOR", field + ".id", $"No actor has the id '{reference.Id}'.")
                : ApiErrors.Input("UNKNOWN_ACTOR", field + ".name", $"No actor is named '{reference.Name}'.");
        }

        return owner.Id;
    }
}
