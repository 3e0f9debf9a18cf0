using Graph.Abstractions.Actors;

namespace Graph.Abstractions.Statements;

/// <summary>Records who said what to whom; without an id one is generated.</summary>
/// <remarks>
/// Recording the same id again with the same content changes nothing and succeeds, so imports can be repeated.
/// </remarks>
[GenerateSerializer, Immutable, Alias("graph.record-statement")]
public sealed record RecordStatement(
    [property: Id(0)] string? Id,
    [property: Id(1)] StatementKind Kind,
    [property: Id(2)] string? CameoCode,
    [property: Id(3)] ActorReference? Speaker,
    [property: Id(4)] ActorReference? OnBehalfOf,
    [property: Id(5)] ActorReference[] Addressees,
    [property: Id(6)] ActorReference[] Exemplars,
    [property: Id(7)] ActorReference[] Beneficiaries,
    [property: Id(8)] ActorReference[] Subjects,
    [property: Id(9)] string[] Topics,
    [property: Id(10)] string? RespondsTo,
    [property: Id(11)] string? Quote,
    [property: Id(12)] string? Summary,
    [property: Id(13)] PartialDate? SaidOn,
    [property: Id(14)] StatementSource[] Sources,
    [property: Id(15)] double? Confidence,
    [property: Id(16)] bool CreateMissingActors = false);
