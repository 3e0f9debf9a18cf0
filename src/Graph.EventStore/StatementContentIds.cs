using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Graph.Abstractions.Statements;

namespace Graph.EventStore;

/// <summary>
/// The id a statement recorded without one is given: derived from everything the command says, so recording the same
/// statement twice, by mutation or import, records it once.
/// </summary>
/// <remarks>Changing how the id is derived would record again every statement of an import run before; never do.</remarks>
public static class StatementContentIds
{
    /// <summary>The id for <paramref name="command"/>'s content, <c>s-</c> and 24 hex digits; its own id is ignored.</summary>
    public static string For(RecordStatement command)
    {
        var content = JsonSerializer.Serialize(command with { Id = null }, EventSerializer.Options);
        return "s-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)).AsSpan(0, 12));
    }
}
