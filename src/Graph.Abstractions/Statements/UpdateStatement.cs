using Graph.Abstractions.Actors;

namespace Graph.Abstractions.Statements;

/// <summary>Corrects a recorded statement; a null field is left as it is, a list given replaces the whole list.</summary>
/// <param name="RemoveOnBehalfOf">Removes the organisation the speaker spoke for.</param>
/// <param name="RemoveRespondsTo">Removes the statement this one responds to.</param>
/// <param name="Reason">Why it is corrected; kept in the event log.</param>
[GenerateSerializer, Immutable, Alias("graph.update-statement")]
public sealed record UpdateStatement(
    [property: Id(0)] string Id,
    [property: Id(1)] StatementKind? Kind = null,
    [property: Id(2)] string? CameoCode = null,
    [property: Id(3)] ActorReference? Speaker = null,
    [property: Id(4)] ActorReference? OnBehalfOf = null,
    [property: Id(5)] bool RemoveOnBehalfOf = false,
    [property: Id(6)] ActorReference[]? Addressees = null,
    [property: Id(7)] ActorReference[]? Exemplars = null,
    [property: Id(8)] ActorReference[]? Beneficiaries = null,
    [property: Id(9)] ActorReference[]? Subjects = null,
    [property: Id(10)] string[]? Topics = null,
    [property: Id(11)] string? RespondsTo = null,
    [property: Id(12)] bool RemoveRespondsTo = false,
    [property: Id(13)] string? Quote = null,
    [property: Id(14)] string? Summary = null,
    [property: Id(15)] PartialDate? SaidOn = null,
    [property: Id(16)] StatementSource[]? Sources = null,
    [property: Id(17)] double? Confidence = null,
    [property: Id(18)] string? Reason = null,
    [property: Id(19)] bool CreateMissingActors = false)
{
    /// <summary>
    /// The statement as it would be recorded with these corrections applied to <paramref name="current"/>: roles by
    /// id where unchanged, and the CAMEO code of the new kind when the kind changes and the old code is not of it.
    /// </summary>
    public RecordStatement ApplyTo(StatementRecorded current)
    {
        static ActorReference[] ById(string[] ids) => [.. ids.Select(ActorReference.ById)];
        var kind = Kind ?? current.Kind;
        var cameoCode = CameoCode ?? (StatementKinds.IsCameoCodeOf(kind, current.CameoCode) ? current.CameoCode : null);
        return new RecordStatement(
            Id,
            kind,
            cameoCode,
            Speaker ?? ActorReference.ById(current.SpeakerId),
            RemoveOnBehalfOf ? null : OnBehalfOf ?? (current.OnBehalfOfId is { } onBehalfOf ? ActorReference.ById(onBehalfOf) : null),
            Addressees ?? ById(current.AddresseeIds),
            Exemplars ?? ById(current.ExemplarIds),
            Beneficiaries ?? ById(current.BeneficiaryIds),
            Subjects ?? ById(current.SubjectIds),
            Topics ?? current.Topics,
            RemoveRespondsTo ? null : RespondsTo ?? current.RespondsToId,
            Quote ?? current.Quote,
            Summary ?? current.Summary,
            SaidOn ?? current.SaidOn,
            Sources ?? current.Sources,
            Confidence ?? current.Confidence,
            CreateMissingActors);
    }
}
