namespace Graph.Abstractions.Statements;

/// <summary>A statement as its grain holds it now: what was recorded, and its retraction if any.</summary>
[GenerateSerializer, Immutable, Alias("graph.statement-snapshot")]
public sealed record StatementSnapshot(
    [property: Id(0)] StatementRecorded Recorded,
    [property: Id(1)] StatementRetracted? Retraction);
