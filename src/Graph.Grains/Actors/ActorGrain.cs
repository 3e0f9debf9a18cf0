using Graph.Abstractions.Actors;
using Graph.Abstractions.Commands;
using Graph.Abstractions.Events;
using Graph.EventStore;
using Graph.Grains.EventSourcing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Graph.Grains.Actors;

/// <summary>
/// An organisation or person: an event-sourced grain that holds its id, name and aliases in the directory, and
/// writes only once a whole command has been checked.
/// </summary>
public abstract class ActorGrain<TState, TEvent>(IEventStore store, IGrainFactory grains)
    : EventSourcedGrain<TState, TEvent>(store)
    where TState : new()
    where TEvent : GraphEvent
{
    protected IGrainFactory Grains => grains;

    protected string Id => this.GetPrimaryKeyString();

    /// <summary>How many aliases an actor may have (<c>Actors:MaxAliases</c>).</summary>
    protected int MaxAliases => ServiceProvider.GetService<IOptions<ActorLimits>>()?.Value.MaxAliases ?? new ActorLimits().MaxAliases;

    protected abstract ActorType ActorType { get; }

    /// <summary>The name and aliases held now; a null name when the actor is not registered.</summary>
    protected abstract (string? Name, string[] Aliases) Names { get; }

    /// <summary>Plans the directory claims for a new name and aliases, noting a problem for each one taken.</summary>
    internal Task<DirectoryClaims> PlanClaimsAsync(string? name, string[] aliases, Problems problems)
    {
        var (currentName, currentAliases) = Names;
        var held = currentName is null ? [] : DirectoryClaims.EntriesOf(Id, currentName, currentAliases);
        return DirectoryClaims.PlanAsync(grains, new ActorKey(Id, ActorType), held, DirectoryClaims.EntriesOf(Id, name, aliases), problems);
    }

    /// <summary>
    /// Fails with every problem found, or creates the missing actors, claims the directory entries, appends the events
    /// and releases the entries no longer held.
    /// </summary>
    internal async Task<WriteReceipt> CommitAsync(Problems problems, ActorResolver resolver, DirectoryClaims claims, Func<IReadOnlyList<TEvent>> events, bool dryRun = false)
    {
        problems.ThrowIfAny();
        if (dryRun)
        {
            return new WriteReceipt(Id, Position, [], Changed: false);
        }

        var created = await resolver.CreateMissingAsync();
        var changes = events();
        if (changes.Count == 0)
        {
            // An update that states the actor as it already is (an upsert imported again) writes nothing.
            return new WriteReceipt(Id, Position, created, Changed: created.Length > 0);
        }

        await claims.ClaimAsync();
        var position = await RaiseAsync(changes);
        await claims.ReleaseAsync();
        return new WriteReceipt(Id, position, created);
    }
}
