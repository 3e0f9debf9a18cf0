namespace Graph.Abstractions.Statements;

/// <summary>
/// A statement was corrected: it keeps its id and the time it was first recorded, and now says what
/// <see cref="Corrected"/> says.
/// </summary>
/// <remarks>
/// Carries what the statement said before, so the projection can drop what no longer holds, and who corrected it and
/// why, so the log answers who changed what.
/// </remarks>
[GenerateSerializer, Immutable, Alias("graph.statement-corrected")]
public sealed record StatementCorrected(
    string StatementId,
    [property: Id(0)] StatementRecorded Previous,
    [property: Id(1)] StatementRecorded Corrected,
    [property: Id(2)] string? Reason,
    [property: Id(3)] string? CorrectedBy,
    [property: Id(4)] DateTimeOffset CorrectedAt) : StatementEvent(StatementId)
{
    public const string TypeName = "statement-corrected";
}
