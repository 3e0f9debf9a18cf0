namespace Graph.Host.Import;

/// <summary>How an import runs.</summary>
/// <param name="DryRun">Checks every record and reports, writes nothing.</param>
/// <param name="AllOrNothing">Writes nothing when any record is bad; otherwise good records are written and bad ones reported.</param>
/// <param name="Concurrency">How many records are sent to the grains at once.</param>
public sealed record ImportOptions(bool DryRun = false, bool AllOrNothing = false, int Concurrency = 64);
