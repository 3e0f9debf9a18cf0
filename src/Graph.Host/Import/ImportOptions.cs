namespace Graph.Host.Import;

/// <summary>How an import runs.</summary>
/// <param name="DryRun">Checks every record and reports, writes nothing.</param>
/// <param name="AllOrNothing">Writes nothing when any record is bad; otherwise good records are written and bad ones reported.</param>
/// <param name="Concurrency">How many records are sent to the grains at once.</param>
/// <param name="Remembered">
/// How many of the latest records a plain import keeps in mind to order references and name repeated ids by line.
/// Older ones are settled, so the grains answer for them and memory stays bounded however long the input. A check of
/// the whole input (a dry run, or the first pass of all or nothing) writes nothing, so it keeps every record in mind.
/// </param>
public sealed record ImportOptions(bool DryRun = false, bool AllOrNothing = false, int Concurrency = 64, int Remembered = 65_536);
