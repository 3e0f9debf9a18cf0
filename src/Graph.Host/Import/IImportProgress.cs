namespace Graph.Host.Import;

/// <summary>Told how an import is getting on.</summary>
public interface IImportProgress
{
    /// <param name="phase">What the import is doing, e.g. "Checking" or "Importing".</param>
    /// <param name="records">Records done so far in this phase.</param>
    /// <param name="fraction">How far through the input, from 0 to 1, when known.</param>
    void Report(string phase, int records, double? fraction);
}
