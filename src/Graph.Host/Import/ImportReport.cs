namespace Graph.Host.Import;

/// <summary>What an import did: how many records it read, wrote and found already on record, and every bad one.</summary>
public sealed record ImportReport(int Records, int Written, int Unchanged, IReadOnlyList<ImportProblem> Problems, bool DryRun, bool Refused)
{
    /// <summary>The most problems kept to report; the count goes on past it.</summary>
    public const int MaxProblemsKept = 10_000;

    /// <summary>How many records were bad.</summary>
    public int BadRecords { get; init; }

    /// <summary>The event log position of the last write; a graph caught up to it shows the whole import.</summary>
    public long Position { get; init; }

    public string Summary =>
        DryRun ? $"Dry run: {Records} records read, {Records - BadRecords} good, {BadRecords} bad; nothing was written."
        : Refused ? $"{Records} records read, {BadRecords} bad; nothing was written because of --all-or-nothing."
        : $"{Records} records read: {Written} written, {Unchanged} already on record, {BadRecords} bad.";
}
