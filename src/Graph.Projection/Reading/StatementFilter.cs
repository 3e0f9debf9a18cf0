using Graph.Abstractions.Statements;

namespace Graph.Projection.Reading;

/// <summary>Which statements to read; every condition given must hold.</summary>
/// <param name="Kinds">Any of these kinds; empty for all.</param>
/// <param name="SaidFrom">Statements whose date may fall on or after this day (a partial date counts as its whole span).</param>
/// <param name="SaidTo">Statements whose date may fall on or before this day.</param>
/// <param name="Text">Words that must appear in the quote or the summary, ignoring case.</param>
/// <param name="HasExemplar">Whether the statement cites exemplars.</param>
/// <param name="IncludeRetracted">Retracted statements are left out unless this is set.</param>
public sealed record StatementFilter(
    IReadOnlyList<StatementKind>? Kinds = null,
    string? SpeakerId = null,
    string? AddresseeId = null,
    string? ExemplarId = null,
    string? BeneficiaryId = null,
    string? SubjectId = null,
    string? TopicId = null,
    DateOnly? SaidFrom = null,
    DateOnly? SaidTo = null,
    string? Text = null,
    bool? HasExemplar = null,
    bool IncludeRetracted = false)
{
    public static StatementFilter All { get; } = new();
}
