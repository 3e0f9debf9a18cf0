using System.Text.Json;

namespace Graph.Neo4j.Client;

/// <summary>One returned row, its values as JSON (the Query API's plain JSON format).</summary>
public sealed class Neo4jRecord(IReadOnlyList<string> keys, IReadOnlyList<JsonElement> values)
{
    public IReadOnlyList<string> Keys { get; } = keys;

    public IReadOnlyList<JsonElement> Values { get; } = values;

    /// <summary>The value of a column, by name.</summary>
    /// <exception cref="KeyNotFoundException">No column has that name.</exception>
    public JsonElement this[string key]
    {
        get
        {
            for (var i = 0; i < Keys.Count; i++)
            {
                if (Keys[i] == key)
                {
                    return Values[i];
                }
            }

            throw new KeyNotFoundException($"The record has no column '{key}'; it has {string.Join(", ", Keys)}.");
        }
    }
}
