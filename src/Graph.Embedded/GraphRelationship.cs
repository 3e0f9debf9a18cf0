using Graph.Projection.Model;

namespace Graph.Embedded;

/// <summary>A relationship of the embedded graph.</summary>
public sealed class GraphRelationship
{
    internal GraphRelationship(string type, GraphNode from, GraphNode to, string? key, PropertyShape shape, object?[] values)
    {
        Type = type;
        From = from;
        To = to;
        Key = key;
        Shape = shape;
        Values = values;
    }

    public string Type { get; }

    public GraphNode From { get; }

    public GraphNode To { get; }

    public string? Key { get; }

    /// <summary>The keys of <see cref="Values"/>.</summary>
    internal PropertyShape Shape { get; set; }

    /// <summary>Replaced whole, never changed in place, so relationships with equal values may share them.</summary>
    internal object?[] Values { get; set; }

    /// <summary>A copy of every property, for dumps and comparisons; reads use <see cref="Get"/>.</summary>
    public IReadOnlyDictionary<string, object?> Properties => PropertyShape.ToDictionary(Shape, Values);

    public long Ordinal => Get(PropertyKeys.Ordinal) is long ordinal ? ordinal : 0;

    /// <summary>A property's value, or null when the relationship does not have it.</summary>
    public object? Get(string key) => Shape.IndexOf(key) is var index and >= 0 ? Values[index] : null;
}
