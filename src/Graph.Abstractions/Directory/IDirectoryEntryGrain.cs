using Graph.Abstractions.Actors;
using Orleans.Concurrency;

namespace Graph.Abstractions.Directory;

/// <summary>
/// One entry of the actor directory, keyed by <see cref="DirectoryKeys"/>: a normalised name or alias, or an actor id.
/// Each entry belongs to at most one actor, which is what stops two actors from claiming the same name.
/// </summary>
public interface IDirectoryEntryGrain : IGrainWithStringKey
{
    /// <summary>The actor owning the entry, or null.</summary>
    [AlwaysInterleave]
    Task<ActorKey?> GetOwnerAsync();

    /// <summary>Claims the entry for <paramref name="owner"/> unless another actor holds it.</summary>
    /// <returns>The owner after the call: <paramref name="owner"/> when the claim succeeded.</returns>
    Task<ActorKey> ClaimAsync(ActorKey owner);

    /// <summary>Gives the entry up, when <paramref name="owner"/> holds it.</summary>
    Task ReleaseAsync(ActorKey owner);
}
