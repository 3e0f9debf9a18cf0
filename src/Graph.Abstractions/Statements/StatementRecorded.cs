namespace Graph.Abstractions.Statements;

/// <summary>A statement was recorded, with every role resolved to an actor id.</summary>
[GenerateSerializer, Immutable, Alias("graph.statement-recorded")]
public sealed record StatementRecorded(
    string StatementId,
    [property: Id(0)] StatementKind Kind,
    [property: Id(1)] string CameoCode,
    [property: Id(2)] string SpeakerId,
    [property: Id(3)] string? OnBehalfOfId,
    [property: Id(4)] string[] AddresseeIds,
    [property: Id(5)] string[] ExemplarIds,
    [property: Id(6)] string[] BeneficiaryIds,
    [property: Id(7)] string[] SubjectIds,
    [property: Id(8)] string[] Topics,
    [property: Id(9)] string? RespondsToId,
    [property: Id(10)] string? Quote,
    [property: Id(11)] string? Summary,
    [property: Id(12)] PartialDate? SaidOn,
    [property: Id(13)] StatementSource[] Sources,
    [property: Id(14)] double? Confidence,
    [property: Id(15)] DateTimeOffset RecordedAt) : StatementEvent(StatementId)
{
    public const string TypeName = "statement-recorded";
}
