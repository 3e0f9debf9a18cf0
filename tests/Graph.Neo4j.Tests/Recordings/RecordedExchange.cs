using System.Text.Json;
using Graph.Testing;

namespace Graph.Neo4j.Tests.Recordings;

/// <summary>
/// One request to a real Neo4j 5.26.0 and its answer, as recorded in <c>Recordings/query-api-5.26</c> (the folder's
/// README says how and by whom).
/// </summary>
/// <param name="Concurrent">Whether the exchange happened while another transaction ran at once (a deadlock), so it
/// cannot be replayed one request at a time against a live server.</param>
public sealed record RecordedExchange(
    string File,
    string Name,
    string Note,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> RequestHeaders,
    JsonElement RequestBody,
    int Status,
    IReadOnlyDictionary<string, string> ResponseHeaders,
    JsonElement ResponseBody,
    bool Concurrent)
{
    /// <summary>The folder of the recordings, beside the test project's sources.</summary>
    public static string Folder { get; } = System.IO.Path.Combine(Repository.Root, "tests", "Graph.Neo4j.Tests", "Recordings", "query-api-5.26");

    /// <summary>Every recorded exchange, in the order it was recorded.</summary>
    public static IReadOnlyList<RecordedExchange> All { get; } = Load();

    /// <summary>The recorded answer's error code, if it is an error.</summary>
    public string? ErrorCode =>
        ResponseBody.ValueKind == JsonValueKind.Object && ResponseBody.TryGetProperty("errors", out var errors)
            ? errors[0].GetProperty("code").GetString()
            : null;

    /// <summary>The transaction id the recorded answer gives, if any.</summary>
    public string? TransactionId =>
        ResponseBody.ValueKind == JsonValueKind.Object && ResponseBody.TryGetProperty("transaction", out var transaction)
            && transaction.ValueKind == JsonValueKind.Object
            ? transaction.GetProperty("id").GetString()
            : null;

    public string? RequestHeader(string name) =>
        RequestHeaders.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public string? ResponseHeader(string name) =>
        ResponseHeaders.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public override string ToString() => $"{File}: {Note}";

    private static List<RecordedExchange> Load() =>
    [
        .. Directory.EnumerateFiles(Folder, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(file =>
            {
                using var document = JsonDocument.Parse(System.IO.File.ReadAllText(file));
                var root = document.RootElement.Clone();
                var request = root.GetProperty("request");
                var response = root.GetProperty("response");
                return new RecordedExchange(
                    System.IO.Path.GetFileName(file),
                    root.GetProperty("name").GetString()!,
                    root.GetProperty("note").GetString()!,
                    request.GetProperty("method").GetString()!,
                    request.GetProperty("path").GetString()!,
                    Headers(request),
                    request.GetProperty("body"),
                    response.GetProperty("status").GetInt32(),
                    Headers(response),
                    response.GetProperty("body"),
                    root.TryGetProperty("concurrent", out var concurrent) && concurrent.GetBoolean());
            }),
    ];

    private static Dictionary<string, string> Headers(JsonElement message) =>
        message.GetProperty("headers").EnumerateObject().ToDictionary(h => h.Name, h => h.Value.GetString()!, StringComparer.OrdinalIgnoreCase);
}
