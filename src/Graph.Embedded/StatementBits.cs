using System.Numerics;

namespace Graph.Embedded;

/// <summary>
/// A bit per statement for each kind, for retraction and for citing exemplars, so the statements matching a filter on
/// those alone are counted by combining words of bits rather than by visiting each statement: a million statements
/// are 16,000 words. Changed only under the graph's write lock.
/// </summary>
internal sealed class StatementBits
{
    private readonly Dictionary<string, Bits> _byKind = new(StringComparer.Ordinal);
    private readonly Bits _all = new();
    private readonly Bits _retracted = new();
    private readonly Bits _citingExemplars = new();
    private int _slots;

    /// <summary>A new statement's place in the bits.</summary>
    public int NewSlot() => _slots++;

    public void Set(GraphNode statement, string kind, bool retracted, bool citesExemplars)
    {
        foreach (var (other, bits) in _byKind)
        {
            bits.Set(statement.Slot, string.Equals(other, kind, StringComparison.Ordinal));
        }

        if (!_byKind.ContainsKey(kind))
        {
            var bits = new Bits();
            bits.Set(statement.Slot, true);
            _byKind[kind] = bits;
        }

        _all.Set(statement.Slot, true);
        _retracted.Set(statement.Slot, retracted);
        _citingExemplars.Set(statement.Slot, citesExemplars);
    }

    public void SetCitesExemplars(GraphNode statement, bool citesExemplars) => _citingExemplars.Set(statement.Slot, citesExemplars);

    /// <summary>
    /// How many statements are of one of the kinds in every set (any kind when there are no sets), cite exemplars or
    /// not when asked, and are not retracted unless those are included.
    /// </summary>
    public int Count(IReadOnlyList<IReadOnlyList<string>> kindSets, bool? citesExemplars, bool includeRetracted)
    {
        var sets = kindSets.Select(kinds => kinds.Select(k => _byKind.GetValueOrDefault(k)).OfType<Bits>().ToArray()).ToArray();
        var count = 0;
        for (var word = 0; word < _all.Words; word++)
        {
            var bits = _all[word];
            foreach (var set in sets)
            {
                var any = 0UL;
                foreach (var kind in set)
                {
                    any |= kind[word];
                }

                bits &= any;
            }

            if (citesExemplars is { } cites)
            {
                bits &= cites ? _citingExemplars[word] : ~_citingExemplars[word];
            }

            if (!includeRetracted)
            {
                bits &= ~_retracted[word];
            }

            count += BitOperations.PopCount(bits);
        }

        return count;
    }

    private sealed class Bits
    {
        private ulong[] _words = [];

        public int Words => _words.Length;

        public ulong this[int word] => word < _words.Length ? _words[word] : 0;

        public void Set(int slot, bool value)
        {
            var word = slot >> 6;
            if (word >= _words.Length)
            {
                if (!value)
                {
                    return;
                }

                Array.Resize(ref _words, Math.Max(word + 1, _words.Length * 2));
            }

            var mask = 1UL << (slot & 63);
            _words[word] = value ? _words[word] | mask : _words[word] & ~mask;
        }
    }
}
