namespace Graph.Projection.Reading;

/// <summary>
/// The edges of a neighbourhood kept as they are offered, each once: those touching the centre before the others, each
/// in order of id, at most a limit of them. It holds no more than the limit, so a hub's hundreds of thousands of edges
/// cost a pass, not a list and a sort.
/// </summary>
/// <typeparam name="T">What an edge is until it is kept: its view, or whatever a store makes the view from.</typeparam>
public sealed class NetworkEdgeSelection<T>
{
    // The heap's top is the edge to give up first: the last by (touching the centre first, then id).
    private static readonly Comparer<(bool Touches, string Id)> LastFirst = Comparer<(bool Touches, string Id)>.Create((a, b) =>
        a.Touches != b.Touches ? (a.Touches ? 1 : -1) : string.CompareOrdinal(b.Id, a.Id));

    private readonly int _limit;
    private readonly PriorityQueue<T, (bool Touches, string Id)> _held;
    private readonly HashSet<string> _heldIds = new(StringComparer.Ordinal);

    internal NetworkEdgeSelection(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        _limit = limit;
        _held = new(LastFirst);
    }

    /// <summary>How many edges are held.</summary>
    public int Count => _held.Count;

    /// <summary>How many more edges can be held before one is given up.</summary>
    public int Room => _limit - _held.Count;

    /// <summary>Whether an edge was given up: one other than those kept was offered.</summary>
    public bool Truncated { get; private set; }

    /// <summary>The edge held that would be given up first: the last by touching the centre, then by id.</summary>
    public (bool Touches, string Id) Last => _held.TryPeek(out _, out var last) ? last : throw new InvalidOperationException("No edge is held.");

    /// <summary>
    /// Says an edge was offered that the selection, full, would not hold (it sorts after <see cref="Last"/>): for a
    /// store that compares an edge with the last held before it makes the edge's id.
    /// </summary>
    public void GiveUp() => Truncated = true;

    /// <summary>Offers an edge; one with the id of an edge held is the same edge, and is not held twice.</summary>
    public void Offer(T edge, string id, bool touchesCentre)
    {
        if (_heldIds.Contains(id))
        {
            return;
        }

        var key = (touchesCentre, id);
        if (_held.Count < _limit)
        {
            _held.Enqueue(edge, key);
            _heldIds.Add(id);
            return;
        }

        // Full: an edge that sorts before the last held takes its place; either way one is given up. An edge given up
        // and offered again sorts after the last held still, so it is never held twice.
        Truncated = true;
        if (_held.TryPeek(out _, out var last) && LastFirst.Compare(key, last) > 0)
        {
            _held.DequeueEnqueue(edge, key);
            _heldIds.Remove(last.Id);
            _heldIds.Add(id);
        }
    }

    /// <summary>The edges held, in order of id.</summary>
    public List<T> Kept() => [.. _held.UnorderedItems.OrderBy(e => e.Priority.Id, StringComparer.Ordinal).Select(e => e.Element)];
}
