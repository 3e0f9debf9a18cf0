using System.Text.Json;

namespace Graph.Api.Tests;

internal static class JsonAssertions
{
    /// <summary>The element at a dotted path such as <c>data.statements.nodes</c>.</summary>
    public static JsonElement At(this JsonElement element, string path)
    {
        foreach (var part in path.Split('.'))
        {
            element = int.TryParse(part, out var index) ? element[index] : element.GetProperty(part);
        }

        return element;
    }

    public static IReadOnlyList<string?> Strings(this JsonElement array, string property) =>
        [.. array.EnumerateArray().Select(e => e.At(property).GetString())];

    /// <summary>Fails with the whole response when it has errors.</summary>
    public static JsonElement Data(this JsonElement response)
    {
        Assert.False(response.TryGetProperty("errors", out var errors), $"Unexpected errors: {errors}");
        return response.GetProperty("data");
    }

    public static IReadOnlyList<JsonElement> Errors(this JsonElement response)
    {
        Assert.True(response.TryGetProperty("errors", out var errors), $"Expected errors in: {response}");
        return [.. errors.EnumerateArray()];
    }

    public static string? Code(this JsonElement error) =>
        error.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var code) ? code.GetString() : null;

    public static string? Field(this JsonElement error) =>
        error.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("field", out var field) ? field.GetString() : null;
}
