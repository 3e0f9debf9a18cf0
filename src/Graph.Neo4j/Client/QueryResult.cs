using System.Text.Json;

namespace Graph.Neo4j.Client;

/// <summary>What a statement returned: its records, the update counters and the bookmarks.</summary>
/// <param name="Keys">The names of the returned columns (the Query API's <c>data.fields</c>).</param>
/// <param name="Records">The rows (the Query API's <c>data.values</c>).</param>
/// <param name="Counters">Update counters such as <c>nodesCreated</c>, <c>relationshipsDeleted</c>; empty for reads.</param>
public sealed record QueryResult(
    IReadOnlyList<string> Keys,
    IReadOnlyList<Neo4jRecord> Records,
    IReadOnlyDictionary<string, JsonElement> Counters,
    IReadOnlyList<string> Bookmarks)
{
    /// <summary>A counter's value, 0 when the server did not report it.</summary>
    public long Counter(string name) =>
        Counters.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;
}
