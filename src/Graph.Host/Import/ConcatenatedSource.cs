using System.Runtime.CompilerServices;

namespace Graph.Host.Import;

/// <summary>Several sources read one after another, as one.</summary>
public sealed class ConcatenatedSource(IReadOnlyList<IRecordSource> sources) : IRecordSource
{
    private int _done;

    /// <inheritdoc/>
    public double? Progress => sources.Count == 0 ? 1 : (_done + (sources[Math.Min(_done, sources.Count - 1)].Progress ?? 0)) / sources.Count;

    /// <inheritdoc/>
    public async IAsyncEnumerable<SourceRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (_done = 0; _done < sources.Count; _done++)
        {
            await foreach (var record in sources[_done].ReadAsync(cancellationToken))
            {
                yield return record;
            }
        }
    }
}
