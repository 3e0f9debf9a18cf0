using Graph.Abstractions.Commands;
using Graph.Abstractions.Events;
using Graph.EventStore;

namespace Graph.Grains.EventSourcing;

/// <summary>
/// A grain whose state is the fold of its own stream in the event log: read on activation, appended to with
/// optimistic concurrency, changed in memory only once the log has the events.
/// </summary>
/// <remarks>
/// Orleans' <c>JournaledGrain</c> with custom storage would also fit, but it retries a failed append in the
/// background for as long as the store fails, so a write the caller was told had failed can still land later.
/// Here a failed append fails the call and changes nothing.
/// </remarks>
public abstract class EventSourcedGrain<TState, TEvent>(IEventStore store) : Grain
    where TState : new()
    where TEvent : GraphEvent
{
    /// <summary>The state: the fold of every event in the stream.</summary>
    protected TState State { get; private set; } = new();

    /// <summary>How many events the stream holds.</summary>
    protected int Version { get; private set; }

    /// <summary>The global log position of the stream's last event; a reader caught up to it sees this state.</summary>
    protected long Position { get; private set; }

    /// <summary>The stream's name is the category, a dash, and the grain's key.</summary>
    protected abstract string StreamCategory { get; }

    private string StreamId => $"{StreamCategory}-{this.GetPrimaryKeyString()}";

    public override Task OnActivateAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>Folds one event into the state.</summary>
    protected abstract void Apply(TState state, TEvent @event);

    /// <summary>Appends events to the stream, then applies them; returns the log position of the last one.</summary>
    /// <exception cref="InvalidInputException">Another writer changed the stream first (code <c>CONFLICT</c>).</exception>
    protected async Task<long> RaiseAsync(IReadOnlyList<TEvent> events)
    {
        if (events.Count == 0)
        {
            return Position;
        }

        AppendResult result;
        try
        {
            result = await store.AppendAsync(StreamId, Version, events);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // The store has logged why; the caller learns that nothing was written, not the file system's details.
            throw new WriteFailedException();
        }

        if (!result.Succeeded)
        {
            await LoadAsync(CancellationToken.None);
            throw new InvalidInputException(ProblemCodes.Conflict, "", $"'{this.GetPrimaryKeyString()}' was changed by another writer at the same time; nothing was written. Try again.");
        }

        foreach (var @event in events)
        {
            Apply(State, @event);
        }

        Version = result.StreamVersion;
        Position = result.Position;
        return Position;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var events = await store.ReadStreamAsync(StreamId, cancellationToken);
        var state = new TState();
        foreach (var stored in events)
        {
            Apply(state, (TEvent)stored.Event);
        }

        State = state;
        Version = events.Count == 0 ? 0 : events[^1].Version;
        Position = events.Count == 0 ? 0 : events[^1].Position;
    }
}
