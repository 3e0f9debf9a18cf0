using System.Net;
using System.Text;
using System.Text.Json;

namespace Graph.Neo4j.Client;

/// <summary>
/// One answer of the Query API, classified. Neo4j reports errors in an <c>errors</c> list whose code says what happened,
/// while the HTTP status is coarse: Neo4j 5.26 answers statement errors with 400 whether they are client errors or
/// transient ones (a deadlock), a missing transaction or database with 404, bad credentials with 401, a malformed
/// <c>Authorization</c> header with 400, and a POST without <c>Content-Type</c> with 500 and a client error's code
/// (the exchanges in the tests' <c>Recordings</c>). So the list decides, and the status only when there is none (a
/// proxy's 503, a 404 where there is no Query API).
/// </summary>
internal sealed class QueryApiResponse
{
    private const int MaxQuotedBody = 300;

    private readonly JsonElement _root;

    private QueryApiResponse(JsonElement root, string? affinity, Neo4jException? failure)
    {
        _root = root;
        Affinity = affinity;
        Failure = failure;
    }

    /// <summary>The <c>neo4j-cluster-affinity</c> header, which every later request of a transaction must echo.</summary>
    public string? Affinity { get; }

    /// <summary>What went wrong, or null when the request succeeded.</summary>
    public Neo4jException? Failure { get; }

    /// <summary>Whether the answer describes an open transaction: Neo4j sends <c>transaction</c> until it is closed.</summary>
    private bool HasTransaction => _root.ValueKind == JsonValueKind.Object && _root.TryGetProperty("transaction", out var tx) && tx.ValueKind == JsonValueKind.Object;

    /// <summary>The id of the transaction (<c>transaction.id</c>), from the answer that opened it.</summary>
    public string TransactionId =>
        HasTransaction && _root.GetProperty("transaction").TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()!
            : throw new ProtocolException($"Neo4j opened a transaction but sent no transaction.id: {Quote(_root.GetRawText())}");

    public IReadOnlyList<string> Bookmarks =>
        _root.ValueKind == JsonValueKind.Object && _root.TryGetProperty("bookmarks", out var bookmarks) && bookmarks.ValueKind == JsonValueKind.Array
            ? [.. bookmarks.EnumerateArray().Select(b => b.GetString() ?? throw new ProtocolException("A bookmark is not a string."))]
            : [];

    public static QueryApiResponse Read(HttpStatusCode status, string? affinity, byte[] content, string request)
    {
        JsonElement? root = null;
        if (content.Length > 0)
        {
            try
            {
                root = JsonSerializer.Deserialize<JsonElement>(content);
            }
            catch (JsonException)
            {
                // Not JSON: a proxy's page, say. The status decides below.
            }
        }

        var failure = Classify(status, root, content, request);
        return new QueryApiResponse(root ?? default, affinity, failure);
    }

    public QueryApiResponse EnsureSuccess() => Failure is null ? this : throw Failure;

    public QueryResult ToResult()
    {
        EnsureSuccess();
        var keys = Array.Empty<string>();
        var records = new List<Neo4jRecord>();
        if (_root.ValueKind == JsonValueKind.Object && _root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            keys = [.. ListIn(data, "fields").EnumerateArray().Select(f => f.GetString() ?? throw new ProtocolException("A field name is not a string."))];
            foreach (var row in ListIn(data, "values").EnumerateArray())
            {
                if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != keys.Length)
                {
                    throw new ProtocolException($"A row of data.values is not a list of {keys.Length} values: {Quote(row.GetRawText())}");
                }

                records.Add(new Neo4jRecord(keys, [.. row.EnumerateArray()]));
            }
        }

        var counters = new Dictionary<string, JsonElement>();
        if (_root.ValueKind == JsonValueKind.Object && _root.TryGetProperty("counters", out var reported) && reported.ValueKind == JsonValueKind.Object)
        {
            foreach (var counter in reported.EnumerateObject())
            {
                counters[counter.Name] = counter.Value;
            }
        }

        return new QueryResult(keys, records, counters, Bookmarks);
    }

    private static Neo4jException? Classify(HttpStatusCode status, JsonElement? root, byte[] content, string request)
    {
        if (root is { ValueKind: JsonValueKind.Object } body
            && body.TryGetProperty("errors", out var errors)
            && errors.ValueKind == JsonValueKind.Array
            && errors.GetArrayLength() > 0)
        {
            var error = errors[0];
            var code = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : null;
            var message = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
            if (code is null)
            {
                return new ProtocolException($"Neo4j answered HTTP {(int)status} to {request} with an error that has no code: {Quote(error.GetRawText())}");
            }

            return status switch
            {
                HttpStatusCode.Unauthorized => new AuthenticationException(code, message),
                HttpStatusCode.NotFound when message == "Not Found" => NoQueryApi(request),
                _ => FromCode(code, message),
            };
        }

        var statusCode = (int)status;
        if (statusCode is >= 200 and < 300 && (root is { ValueKind: JsonValueKind.Object } || content.AsSpan().Trim(" \t\r\n"u8).IsEmpty))
        {
            return null;
        }

        return status switch
        {
            HttpStatusCode.Unauthorized => new AuthenticationException(
                "Neo.ClientError.Security.Unauthorized", $"Neo4j refused the credentials (HTTP 401) for {request}."),
            HttpStatusCode.NotFound => NoQueryApi(request),
            _ when statusCode >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests => new ServiceUnavailableException(
                $"Neo4j answered HTTP {statusCode} to {request}: {Quote(Encoding.UTF8.GetString(content))}"),
            _ => new ProtocolException(
                $"Neo4j answered HTTP {statusCode} to {request} with something that is not the Query API's JSON: {Quote(Encoding.UTF8.GetString(content))}"),
        };
    }

    private static DatabaseNotFoundException NoQueryApi(string request) => new(
        "Neo.ClientError.Database.DatabaseNotFound",
        $"HTTP 404 for {request}: no Query API at that address. Neo4j:Uri should be the server's HTTP address, e.g. http://localhost:7474.");

    /// <summary>Maps a status code to the official driver's exception types.</summary>
    internal static Neo4jException FromCode(string code, string message) => code switch
    {
        "Neo.ClientError.Security.Unauthorized" => new AuthenticationException(code, message),
        "Neo.ClientError.Database.DatabaseNotFound" => new DatabaseNotFoundException(code, message),
        _ when code.StartsWith("Neo.ClientError.", StringComparison.Ordinal) => new ClientException(code, message),

        // Someone terminated the transaction on purpose; servers before 5.0 called that transient. The driver does not
        // retry it, and neither do we.
        "Neo.TransientError.Transaction.Terminated" or "Neo.TransientError.Transaction.LockClientStopped" => new ClientException(code, message),
        _ when code.StartsWith("Neo.TransientError.", StringComparison.Ordinal) => new TransientException(code, message),
        _ => new DatabaseException(code, message),
    };

    private static JsonElement ListIn(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value
            : throw new ProtocolException($"data.{name} is missing or not a list.");

    private static string Quote(string text) => text.Length <= MaxQuotedBody ? text : text[..MaxQuotedBody] + "…";
}
