using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Graph.Neo4j.Tests.Fake;

/// <summary>
/// Values as the Query API writes them: plain JSON, or typed JSON (<c>{"$type": "Integer", "_value": "42"}</c>) when
/// the client accepts <c>application/vnd.neo4j.query</c>, as recorded from Neo4j 5.26.
/// </summary>
internal static class FakeValues
{
    public static JsonNode? Node(object? value) => JsonSerializer.SerializeToNode(value);

    public static JsonNode? Encode(object? value, bool typed) => typed ? Typed(value) : Plain(value);

    private static JsonNode? Plain(object? value) => value switch
    {
        FakeTypedValue special => JsonValue.Create(special.Value),
        IDictionary<string, object?> map => new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, Plain(p.Value)))),
        string or JsonElement => Node(value),
        IEnumerable list => new JsonArray([.. list.Cast<object?>().Select(Plain)]),
        _ => Node(value),
    };

    private static JsonObject Typed(object? value) => value switch
    {
        null => Type("Null", null),
        FakeTypedValue special => Type(special.Type, special.Value),
        bool flag => Type("Boolean", flag),
        string text => Type("String", text),
        int or long or short or byte => Type("Integer", Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)),
        double or float => Type("Float", Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)),
        JsonElement element => Typed(Decode(element)),
        IDictionary<string, object?> map => Type("Map", new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Typed(p.Value))))),
        IEnumerable list => Type("List", new JsonArray([.. list.Cast<object?>().Select(item => (JsonNode?)Typed(item))])),
        _ => throw new ArgumentException($"The fake cannot write a {value.GetType().Name} as typed JSON.", nameof(value)),
    };

    private static JsonObject Type(string type, JsonNode? value) => new() { ["$type"] = type, ["_value"] = value };

    private static object? Decode(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number when element.TryGetInt64(out var integer) && element.GetRawText().IndexOfAny(['.', 'e', 'E']) < 0 => integer,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.Array => element.EnumerateArray().Select(Decode).ToList(),
        _ => element.EnumerateObject().ToDictionary(p => p.Name, p => Decode(p.Value)),
    };
}
