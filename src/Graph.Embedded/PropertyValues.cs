using Graph.Projection.Model;

namespace Graph.Embedded;

/// <summary>
/// How one graph keeps property values small: keys in shared <see cref="PropertyShape"/>s, one copy of each short
/// string (dates, kinds, precisions), one box for each boolean and small number, and one array of values for every
/// relationship that carries only the same ordinal. Used only under the graph's write lock.
/// </summary>
internal sealed class PropertyValues
{
    private const int LongestShared = 10;
    private const int SharedOrdinals = 64;
    private static readonly object True = true;
    private static readonly object False = false;
    private static readonly object[] SmallNumbers = [.. Enumerable.Range(0, 256).Select(i => (object)(long)i)];

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly object?[]?[] _ordinalValues = new object?[SharedOrdinals][];
    private readonly List<(string Key, object Value)> _scratch = [];
    private readonly PropertyShape _ordinalShape;

    public PropertyValues()
    {
        EmptyShape = PropertyShape.CreateRoot();
        _ordinalShape = EmptyShape.With(PropertyKeys.Ordinal);
    }

    public PropertyShape EmptyShape { get; }

    /// <summary>Sets a node's properties from an upsert: a null value removes the property.</summary>
    public void Merge(GraphNode node, IReadOnlyDictionary<string, object?> changes)
    {
        var shape = node.Shape;
        var values = node.Values;
        var reshaped = false;
        foreach (var (key, value) in changes)
        {
            var index = shape.IndexOf(key);
            if (value is null || index < 0)
            {
                reshaped |= value is not null || index >= 0;
            }
            else
            {
                values[index] = Compact(value);
            }
        }

        if (!reshaped)
        {
            return;
        }

        _scratch.Clear();
        for (var i = 0; i < shape.Count; i++)
        {
            var key = shape.KeyAt(i);
            if (!changes.TryGetValue(key, out var change) || change is not null)
            {
                _scratch.Add((key, values[i]!));
            }
        }

        foreach (var (key, value) in changes)
        {
            if (value is not null && shape.IndexOf(key) < 0)
            {
                _scratch.Add((key, Compact(value)));
            }
        }

        (node.Shape, node.Values) = Build();
    }

    /// <summary>A relationship's properties from an upsert, leaving out nulls.</summary>
    public (PropertyShape Shape, object?[] Values) Of(IReadOnlyDictionary<string, object?> properties)
    {
        _scratch.Clear();
        foreach (var (key, value) in properties)
        {
            if (value is not null)
            {
                _scratch.Add((key, Compact(value)));
            }
        }

        if (_scratch is [(PropertyKeys.Ordinal, long ordinal and >= 0 and < SharedOrdinals)])
        {
            return (_ordinalShape, _ordinalValues[ordinal] ??= [SmallNumbers[ordinal]]);
        }

        return Build();
    }

    private (PropertyShape Shape, object?[] Values) Build()
    {
        var shape = EmptyShape;
        var values = _scratch.Count == 0 ? [] : new object?[_scratch.Count];
        for (var i = 0; i < _scratch.Count; i++)
        {
            shape = shape.With(_scratch[i].Key);
            values[i] = _scratch[i].Value;
        }

        return (shape, values);
    }

    private object Compact(object value) => value switch
    {
        string { Length: <= LongestShared } text => Shared(text),
        bool flag => flag ? True : False,
        long number and >= 0 and < 256 => SmallNumbers[number],
        _ => value,
    };

    private string Shared(string text)
    {
        if (!_strings.TryGetValue(text, out var shared))
        {
            _strings[text] = shared = text;
        }

        return shared;
    }
}
