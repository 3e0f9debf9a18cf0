namespace Graph.Abstractions.Statements;

/// <summary>A statement was retracted: it stays on record, flagged, and no longer counts in networks.</summary>
/// <remarks>Carries the speaker and addressees so the projection can drop the derived actor-to-actor edges.</remarks>
[GenerateSerializer, Immutable, Alias("graph.statement-retracted")]
public sealed record StatementRetracted(
    string StatementId,
    [property: Id(0)] string? Reason,
    [property: Id(1)] DateTimeOffset RetractedAt,
    [property: Id(2)] StatementKind Kind,
    [property: Id(3)] string SpeakerId,
    [property: Id(4)] string[] AddresseeIds) : StatementEvent(StatementId)
{
    public const string TypeName = "statement-retracted";
}
