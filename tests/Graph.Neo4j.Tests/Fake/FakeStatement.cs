using System.Text.Json;
using Graph.Neo4j.Client;

namespace Graph.Neo4j.Tests.Fake;

/// <summary>A statement the fake received, as its <see cref="QueryApiFake.Handler"/> sees it.</summary>
/// <param name="Database">The database named in the path.</param>
/// <param name="Cypher">The request's <c>statement</c>.</param>
/// <param name="Parameters">The request's <c>parameters</c>, as sent.</param>
/// <param name="AccessMode">The <c>accessMode</c> of the request, or of the request that began the transaction.</param>
/// <param name="TransactionId">The explicit transaction it runs in; null for an implicit (auto-commit) query, whose
/// writes take effect as soon as the handler returns.</param>
/// <param name="Bookmarks">The <c>bookmarks</c> of the request, or of the request that began the transaction.</param>
public sealed record FakeStatement(
    string Database,
    string Cypher,
    IReadOnlyDictionary<string, JsonElement> Parameters,
    AccessMode AccessMode,
    string? TransactionId,
    IReadOnlyList<string> Bookmarks)
{
    /// <summary>A string parameter, or null when it is missing or JSON null.</summary>
    public string? String(string name) =>
        Parameters.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
