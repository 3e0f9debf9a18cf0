namespace Graph.Host.Import;

/// <summary>Where an import's records come from: read front to back, as often as the import needs.</summary>
public interface IRecordSource
{
    /// <summary>How far through its input the last read is, from 0 to 1, when that is known.</summary>
    double? Progress { get; }

    /// <summary>Reads every record, streaming.</summary>
    IAsyncEnumerable<SourceRecord> ReadAsync(CancellationToken cancellationToken);
}
