namespace Graph.Neo4j.Client;

/// <summary>
/// The bookmarks to send with the next transaction, kept as the official driver's bookmark manager keeps them: a
/// finished transaction's bookmarks replace the ones it was started with, so concurrent writers do not drop each other's.
/// </summary>
internal sealed class BookmarkSet
{
    private readonly Lock _lock = new();
    private IReadOnlyList<string> _current = [];

    public IReadOnlyList<string> Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    public void Replace(IReadOnlyList<string> used, IReadOnlyList<string> received)
    {
        if (received.Count == 0)
        {
            return;
        }

        lock (_lock)
        {
            _current = [.. _current.Except(used).Union(received)];
        }
    }
}
