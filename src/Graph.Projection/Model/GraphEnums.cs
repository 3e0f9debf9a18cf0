using System.Text.Json;

namespace Graph.Projection.Model;

/// <summary>How enum members are written in the graph (and the API): <c>GOVERNMENT_BODY</c> for <c>GovernmentBody</c>.</summary>
public static class GraphEnums
{
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseUpper.ConvertName(value.ToString());

    public static TEnum Parse<TEnum>(string name)
        where TEnum : struct, Enum =>
        Names<TEnum>.ByName.TryGetValue(name, out var value) ? value : Enum.Parse<TEnum>(name.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);

    // Reading a graph parses the same few names millions of times.
    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly System.Collections.Frozen.FrozenDictionary<string, TEnum> ByName =
            System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(Enum.GetValues<TEnum>(), Name, StringComparer.Ordinal);
    }
}
