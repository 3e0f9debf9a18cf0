using Graph.Abstractions.Actors;
using Graph.Abstractions.Directory;
using Graph.EventStore;
using Graph.Grains.EventSourcing;

namespace Graph.Grains.Directory;

/// <inheritdoc cref="IDirectoryEntryGrain"/>
public sealed class DirectoryEntryGrain(IEventStore store)
    : EventSourcedGrain<DirectoryEntryState, DirectoryEvent>(store), IDirectoryEntryGrain
{
    protected override string StreamCategory => "directory";

    /// <inheritdoc/>
    public Task<ActorKey?> GetOwnerAsync() => Task.FromResult(State.Owner);

    /// <inheritdoc/>
    public async Task<ActorKey> ClaimAsync(ActorKey owner)
    {
        if (State.Owner is null)
        {
            await RaiseAsync([new DirectoryEntryClaimed(this.GetPrimaryKeyString(), owner)]);
        }

        return State.Owner!;
    }

    /// <inheritdoc/>
    public async Task ReleaseAsync(ActorKey owner)
    {
        if (State.Owner == owner)
        {
            await RaiseAsync([new DirectoryEntryReleased(this.GetPrimaryKeyString(), owner)]);
        }
    }

    protected override void Apply(DirectoryEntryState state, DirectoryEvent @event) =>
        state.Owner = @event switch
        {
            DirectoryEntryClaimed claimed => claimed.Owner,
            DirectoryEntryReleased => null,
            _ => throw new InvalidOperationException($"Unknown directory event {@event.GetType().Name}."),
        };
}
