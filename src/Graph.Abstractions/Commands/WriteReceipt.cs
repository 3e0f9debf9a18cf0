using Graph.Abstractions.Actors;

namespace Graph.Abstractions.Commands;

/// <summary>What a successful command wrote.</summary>
/// <param name="Id">The id of the organisation, person or statement written.</param>
/// <param name="Position">
/// The global log position of the last event written (or of the current state, when nothing changed); a reader
/// that has caught up to it sees the write.
/// </param>
/// <param name="CreatedActors">Actors created on the way because the command allowed it.</param>
/// <param name="Changed">
/// False when nothing was written: the same registration or statement was already on record, or it was a dry run.
/// </param>
[GenerateSerializer, Immutable, Alias("graph.write-receipt")]
public sealed record WriteReceipt(
    [property: Id(0)] string Id,
    [property: Id(1)] long Position,
    [property: Id(2)] ActorKey[] CreatedActors,
    [property: Id(3)] bool Changed = true);
