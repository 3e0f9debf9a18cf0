using Graph.Abstractions.Statements;

namespace Graph.Projection.Reading;

/// <summary>
/// One alternative of a <see cref="StatementFilter"/>: conditions that must all hold. Each list holds conditions that
/// must all hold; each inner list of <see cref="KindSets"/> and <see cref="TopicIdSets"/> is satisfied by any of its
/// members.
/// </summary>
public sealed record StatementClause(
    IReadOnlyList<IReadOnlyList<StatementKind>> KindSets,
    IReadOnlyList<string> SpeakerIds,
    IReadOnlyList<string> AddresseeIds,
    IReadOnlyList<string> ExemplarIds,
    IReadOnlyList<string> BeneficiaryIds,
    IReadOnlyList<string> SubjectIds,
    IReadOnlyList<string> ActorIds,
    IReadOnlyList<IReadOnlyList<string>> TopicIdSets,
    DateOnly? SaidFrom,
    DateOnly? SaidTo,
    IReadOnlyList<string> Texts,
    bool? HasExemplar,
    IReadOnlyList<string> RespondsToIds,
    bool? IsResponse)
{
    /// <summary>The conditions a filter sets at its own level.</summary>
    public static StatementClause Of(StatementFilter filter) => new(
        filter.Kinds is { Count: > 0 } kinds ? [kinds] : [],
        One(filter.SpeakerId),
        One(filter.AddresseeId),
        One(filter.ExemplarId),
        One(filter.BeneficiaryId),
        One(filter.SubjectId),
        One(filter.ActorId),
        filter.TopicIds is { Count: > 0 } topics ? [topics] : [],
        filter.SaidFrom,
        filter.SaidTo,
        string.IsNullOrWhiteSpace(filter.Text) ? [] : [filter.Text.Trim()],
        filter.HasExemplar,
        One(filter.RespondsToId),
        filter.IsResponse);

    /// <summary>Both clauses at once, or null when they contradict each other.</summary>
    public StatementClause? And(StatementClause other)
    {
        if ((HasExemplar is { } mine && other.HasExemplar is { } theirs && mine != theirs)
            || (IsResponse is { } response && other.IsResponse is { } otherResponse && response != otherResponse)
            || (IsResponse == false && other.RespondsToIds.Count > 0)
            || (other.IsResponse == false && RespondsToIds.Count > 0))
        {
            return null;
        }

        return new StatementClause(
            [.. KindSets, .. other.KindSets],
            [.. SpeakerIds, .. other.SpeakerIds],
            [.. AddresseeIds, .. other.AddresseeIds],
            [.. ExemplarIds, .. other.ExemplarIds],
            [.. BeneficiaryIds, .. other.BeneficiaryIds],
            [.. SubjectIds, .. other.SubjectIds],
            [.. ActorIds, .. other.ActorIds],
            [.. TopicIdSets, .. other.TopicIdSets],
            Later(SaidFrom, other.SaidFrom),
            Earlier(SaidTo, other.SaidTo),
            [.. Texts, .. other.Texts],
            HasExemplar ?? other.HasExemplar,
            [.. RespondsToIds, .. other.RespondsToIds],
            IsResponse ?? other.IsResponse);
    }

    public bool Equals(StatementClause? other) =>
        other is not null && Key() == other.Key();

    public override int GetHashCode() => Key().GetHashCode(StringComparison.Ordinal);

    private string Key() => string.Join("|",
        string.Join(";", KindSets.Select(k => string.Join(",", k))), string.Join(",", SpeakerIds), string.Join(",", AddresseeIds),
        string.Join(",", ExemplarIds), string.Join(",", BeneficiaryIds), string.Join(",", SubjectIds), string.Join(",", ActorIds),
        string.Join(";", TopicIdSets.Select(t => string.Join(",", t))), SaidFrom, SaidTo, string.Join("\u0001", Texts), HasExemplar,
        string.Join(",", RespondsToIds), IsResponse);

    private static string[] One(string? id) => id is null ? [] : [id];

    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateOnly? Earlier(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
