using Graph.Abstractions.Statements;

namespace Graph.Projection.Reading;

/// <summary>
/// Which statements to read: every condition given at one level must hold, with every filter in <see cref="And"/>
/// and at least one in <see cref="Or"/>.
/// </summary>
/// <param name="Kinds">Any of these kinds; empty for all.</param>
/// <param name="ActorId">An actor in any role: speaker, on whose behalf, addressee, exemplar, beneficiary or subject.</param>
/// <param name="TopicIds">About any of these topics.</param>
/// <param name="SaidFrom">Statements whose date may fall on or after this day (a partial date counts as its whole span).</param>
/// <param name="SaidTo">Statements whose date may fall on or before this day.</param>
/// <param name="Text">Words that must appear in the quote or the summary, ignoring case.</param>
/// <param name="HasExemplar">Whether the statement cites exemplars.</param>
/// <param name="RespondsToId">Responding to this statement.</param>
/// <param name="IsResponse">Whether the statement responds to another.</param>
/// <param name="IncludeRetracted">Retracted statements are left out unless this is set; read at the top level only.</param>
public sealed record StatementFilter(
    IReadOnlyList<StatementKind>? Kinds = null,
    string? SpeakerId = null,
    string? AddresseeId = null,
    string? ExemplarId = null,
    string? BeneficiaryId = null,
    string? SubjectId = null,
    string? ActorId = null,
    IReadOnlyList<string>? TopicIds = null,
    DateOnly? SaidFrom = null,
    DateOnly? SaidTo = null,
    string? Text = null,
    bool? HasExemplar = null,
    IReadOnlyList<StatementFilter>? And = null,
    IReadOnlyList<StatementFilter>? Or = null,
    bool IncludeRetracted = false,
    string? RespondsToId = null,
    bool? IsResponse = null)
{
    /// <summary>The most alternatives a filter may expand to once its ands and ors are multiplied out.</summary>
    public const int MaxClauses = 64;

    public static StatementFilter All { get; } = new();

    /// <summary>
    /// The filter as alternatives (any one must hold), each a plain conjunction: the form every store evaluates.
    /// </summary>
    /// <exception cref="StatementFilterException">The ands and ors multiply out to more than <see cref="MaxClauses"/> alternatives.</exception>
    public IReadOnlyList<StatementClause> ToClauses()
    {
        IReadOnlyList<StatementClause> clauses = [StatementClause.Of(this)];
        foreach (var part in And ?? [])
        {
            clauses = Cross(clauses, part.ToClauses());
        }

        if (Or is { Count: > 0 } alternatives)
        {
            clauses = Cross(clauses, [.. alternatives.SelectMany(a => a.ToClauses())]);
        }

        return clauses;
    }

    private static IReadOnlyList<StatementClause> Cross(IReadOnlyList<StatementClause> left, IReadOnlyList<StatementClause> right)
    {
        var merged = (from l in left from r in right select l.And(r)).OfType<StatementClause>().Distinct().ToList();
        return merged.Count > MaxClauses
            ? throw new StatementFilterException($"The filter's ands and ors multiply out to {merged.Count} alternatives; at most {MaxClauses} are allowed.")
            : merged;
    }
}
