using System.Text.Json;

namespace Graph.Neo4j.Tests.Fake;

/// <summary>A request the fake received, whatever it answered.</summary>
/// <param name="Method">GET, POST, DELETE and so on.</param>
/// <param name="Path">The path, e.g. <c>/db/neo4j/query/v2/tx/t1/commit</c>.</param>
/// <param name="Headers">Every header, names compared without case.</param>
/// <param name="Body">The body as text, empty when there was none.</param>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Authorization => Header("Authorization");

    /// <summary>The <c>neo4j-cluster-affinity</c> header the client echoed, if any.</summary>
    public string? Affinity => Header(QueryApiFake.AffinityHeader);

    /// <summary>The body parsed as JSON; an undefined element when the body is empty.</summary>
    public JsonElement Json => Body.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
