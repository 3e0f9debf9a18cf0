using System.Security.Cryptography;
using System.Text;

namespace Graph.Host.Security;

/// <summary>
/// API keys: 32 random bytes, so a plain SHA-256 of the key is as safe to keep in configuration as a slow password
/// hash would be, and checking one costs microseconds per request.
/// </summary>
public static class ApiKeys
{
    private const string Prefix = "sgk_";
    private const string HashPrefix = "sha256:";

    public static string NewKey() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string HashOf(string key) => HashPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The configured key whose hash is that of <paramref name="key"/>, compared in constant time.</summary>
    public static ApiKeyEntry? Find(IEnumerable<ApiKeyEntry> entries, string key)
    {
        var hash = Encoding.ASCII.GetBytes(HashOf(key));
        ApiKeyEntry? found = null;
        foreach (var entry in entries)
        {
            var expected = Encoding.ASCII.GetBytes(entry.Hash.Trim().ToLowerInvariant());
            if (expected.Length == hash.Length && CryptographicOperations.FixedTimeEquals(expected, hash))
            {
                found = entry;
            }
        }

        return found;
    }

    /// <summary>Why the entry cannot be used, or null when it can.</summary>
    public static string? Problem(ApiKeyEntry entry, int index)
    {
        var where = $"Auth:ApiKeys:{index}";
        if (!entry.Hash.StartsWith(HashPrefix, StringComparison.OrdinalIgnoreCase) || entry.Hash.Length != HashPrefix.Length + 64
            || !entry.Hash[HashPrefix.Length..].All(Uri.IsHexDigit))
        {
            return $"{where}:Hash must be 'sha256:' and 64 hex digits, as create-api-key prints it.";
        }

        var unknown = entry.Roles.Where(r => !Api.Http.GraphRoles.All.Contains(r)).ToList();
        if (entry.Roles.Count == 0 || unknown.Count > 0)
        {
            return $"{where}:Roles must name one or more of reader, editor and admin{(unknown.Count > 0 ? $", not {string.Join(", ", unknown)}" : "")}.";
        }

        return null;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
