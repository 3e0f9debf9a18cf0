namespace Graph.Neo4j.Tests.Fake;

/// <summary>What the fake's <see cref="QueryApiFake.Handler"/> makes a statement return.</summary>
/// <param name="Fields">The column names (<c>data.fields</c>).</param>
/// <param name="Values">The rows (<c>data.values</c>): nulls, strings, booleans, integers, doubles, lists, maps with
/// string keys, <see cref="FakeTypedValue"/>s or <see cref="System.Text.Json.JsonElement"/>s.</param>
/// <param name="Counters">Update counters such as <c>nodesCreated</c>; the fake reports every counter Neo4j 5.26 was
/// seen to report, zero unless given here, and derives <c>containsUpdates</c>.</param>
/// <param name="Notifications">The <c>notifications</c> of the answer, as Neo4j writes them; none when null.</param>
public sealed record FakeResult(
    IReadOnlyList<string> Fields,
    IReadOnlyList<IReadOnlyList<object?>> Values,
    IReadOnlyDictionary<string, long>? Counters = null,
    IReadOnlyList<object>? Notifications = null)
{
    /// <summary>No columns, no rows, no updates.</summary>
    public static FakeResult Empty { get; } = new([], []);

    /// <summary>One row.</summary>
    public static FakeResult Row(IReadOnlyList<string> fields, params object?[] values) => new(fields, [values]);
}
