namespace Graph.Abstractions.Records;

/// <summary>That a recorded statement was retracted, and why.</summary>
public sealed record StatementRetraction(string? Reason);
