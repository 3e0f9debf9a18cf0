namespace Graph.Embedded;

/// <summary>
/// A node's relationships in one direction. Most nodes have a few, kept in one small array and picked out by type as
/// they are read; a hub's are grouped by type, so its few of one type are found without scanning its thousands.
/// </summary>
internal struct Adjacency
{
    private const int GroupedFrom = 24;

    private GraphRelationship[]? _few;
    private int _count;
    private List<(string Type, List<GraphRelationship> Relationships)>? _grouped;
    private int _groupedCount;

    /// <summary>How many relationships there are.</summary>
    public readonly int Count => _grouped is null ? _count : _groupedCount;

    public readonly IEnumerable<GraphRelationship> All =>
        _grouped is { } grouped ? grouped.SelectMany(g => g.Relationships) : (_few ?? []).Take(_count);

    public readonly IReadOnlyList<GraphRelationship> OfType(string type)
    {
        if (_grouped is { } grouped)
        {
            foreach (var (groupType, relationships) in grouped)
            {
                if (string.Equals(groupType, type, StringComparison.Ordinal))
                {
                    return relationships;
                }
            }

            return [];
        }

        List<GraphRelationship>? matches = null;
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_few![i].Type, type, StringComparison.Ordinal))
            {
                (matches ??= new(2)).Add(_few[i]);
            }
        }

        return matches is null ? [] : matches;
    }

    /// <summary>Whether there is a relationship of the type, to or from the node with the id when one is given.</summary>
    public readonly bool Has(string type, string? otherId, bool outgoing)
    {
        if (_grouped is { } grouped)
        {
            foreach (var (groupType, relationships) in grouped)
            {
                if (string.Equals(groupType, type, StringComparison.Ordinal))
                {
                    foreach (var relationship in relationships)
                    {
                        if (otherId is null || IsAt(relationship, otherId, outgoing))
                        {
                            return true;
                        }
                    }

                    return false;
                }
            }

            return false;
        }

        for (var i = 0; i < _count; i++)
        {
            var relationship = _few![i];
            if (string.Equals(relationship.Type, type, StringComparison.Ordinal) && (otherId is null || IsAt(relationship, otherId, outgoing)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAt(GraphRelationship relationship, string otherId, bool outgoing) =>
        string.Equals(outgoing ? relationship.To.Id : relationship.From.Id, otherId, StringComparison.Ordinal);

    public readonly IEnumerable<GraphRelationship> OfTypes(IReadOnlySet<string> types) =>
        _grouped is { } grouped
            ? grouped.Where(g => types.Contains(g.Type)).SelectMany(g => g.Relationships)
            : (_few ?? []).Take(_count).Where(r => types.Contains(r.Type));

    public void Add(GraphRelationship relationship)
    {
        if (_grouped is not null)
        {
            Group(relationship.Type).Add(relationship);
            _groupedCount++;
            return;
        }

        if (_count == GroupedFrom)
        {
            _grouped = [];
            for (var i = 0; i < _count; i++)
            {
                Group(_few![i].Type).Add(_few[i]);
            }

            _groupedCount = _count + 1;
            _few = null;
            _count = 0;
            Group(relationship.Type).Add(relationship);
            return;
        }

        if (_few is null || _count == _few.Length)
        {
            Array.Resize(ref _few, Math.Min(GroupedFrom, _count == 0 ? 2 : _count * 2));
        }

        _few[_count++] = relationship;
    }

    public void Remove(GraphRelationship relationship)
    {
        if (_grouped is not null)
        {
            if (Group(relationship.Type).Remove(relationship))
            {
                _groupedCount--;
            }

            return;
        }

        var index = Array.IndexOf(_few ?? [], relationship, 0, _count);
        if (index >= 0)
        {
            Array.Copy(_few!, index + 1, _few!, index, _count - index - 1);
            _few![--_count] = null!;
        }
    }

    private readonly List<GraphRelationship> Group(string type)
    {
        foreach (var (groupType, relationships) in _grouped!)
        {
            if (string.Equals(groupType, type, StringComparison.Ordinal))
            {
                return relationships;
            }
        }

        var created = new List<GraphRelationship>();
        _grouped.Add((type, created));
        return created;
    }
}
