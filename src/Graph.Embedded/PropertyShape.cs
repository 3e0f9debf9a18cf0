namespace Graph.Embedded;

/// <summary>
/// The keys of a set of properties, shared by every node or relationship with the same keys in the same order, so each
/// holds only an array of values: the layout JavaScript engines call hidden classes. A graph's shapes grow from its
/// empty shape by adding keys; new shapes are made only under the graph's write lock, and a shape's keys never change.
/// </summary>
public sealed class PropertyShape
{
    private readonly string[] _keys;
    private readonly PropertyShape? _root;
    private Dictionary<string, PropertyShape>? _extensions;

    private PropertyShape(string[] keys, PropertyShape? root)
    {
        _keys = keys;
        _root = root;
    }

    /// <summary>A new empty shape: the root from which one graph's shapes grow.</summary>
    internal static PropertyShape CreateRoot() => new([], null);

    public int Count => _keys.Length;

    public string KeyAt(int index) => _keys[index];

    /// <summary>Where the key's value is, or -1.</summary>
    public int IndexOf(string key)
    {
        var keys = _keys;
        for (var i = 0; i < keys.Length; i++)
        {
            if (string.Equals(keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The keys of a shape with their values.</summary>
    internal static Dictionary<string, object?> ToDictionary(PropertyShape shape, object?[] values)
    {
        var properties = new Dictionary<string, object?>(shape.Count, StringComparer.Ordinal);
        for (var i = 0; i < shape.Count; i++)
        {
            properties[shape._keys[i]] = values[i];
        }

        return properties;
    }

    /// <summary>This shape with one key more, at the end.</summary>
    internal PropertyShape With(string key)
    {
        _extensions ??= new(StringComparer.Ordinal);
        if (!_extensions.TryGetValue(key, out var extended))
        {
            _extensions[key] = extended = new([.. _keys, key], _root ?? this);
        }

        return extended;
    }

    /// <summary>This shape without the key at the index.</summary>
    internal PropertyShape Without(int index)
    {
        var shape = _root ?? this;
        for (var i = 0; i < _keys.Length; i++)
        {
            if (i != index)
            {
                shape = shape.With(_keys[i]);
            }
        }

        return shape;
    }
}
