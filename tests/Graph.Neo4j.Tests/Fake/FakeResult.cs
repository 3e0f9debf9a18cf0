namespace Graph.Neo4j.Tests.Fake;

/// <summary>What the fake's <see cref="QueryApiFake.Handler"/> makes a statement return.</summary>
/// <param name="Fields">The column names (<c>data.fields</c>).</param>
/// <param name="Values">The rows (<c>data.values</c>), each serialized with System.Text.Json; a
/// <see cref="System.Text.Json.JsonElement"/> goes out as is.</param>
/// <param name="Counters">Update counters such as <c>nodesCreated</c>; the fake reports every documented counter,
/// zero unless given here, and derives <c>containsUpdates</c>.</param>
public sealed record FakeResult(
    IReadOnlyList<string> Fields,
    IReadOnlyList<IReadOnlyList<object?>> Values,
    IReadOnlyDictionary<string, long>? Counters = null)
{
    /// <summary>No columns, no rows, no updates.</summary>
    public static FakeResult Empty { get; } = new([], []);

    /// <summary>One row.</summary>
    public static FakeResult Row(IReadOnlyList<string> fields, params object?[] values) => new(fields, [values]);
}
