using System.Text.Json;

namespace Graph.Projection.Model;

/// <summary>How enum members are written in the graph (and the API): <c>GOVERNMENT_BODY</c> for <c>GovernmentBody</c>.</summary>
public static class GraphEnums
{
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseUpper.ConvertName(value.ToString());

    public static TEnum Parse<TEnum>(string name)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(name.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
}
