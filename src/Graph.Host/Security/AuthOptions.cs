namespace Graph.Host.Security;

/// <summary>
/// Who may call the service (configuration section <c>Auth</c>): API keys, JWT bearer tokens, or both. With neither,
/// the service listens only on loopback and every caller there holds every role.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>Keys, each stored only as its hash (<c>create-api-key</c> prints both).</summary>
    public List<ApiKeyEntry> ApiKeys { get; set; } = [];

    /// <summary>JWT bearer tokens, validated against an authority (OpenID Connect discovery) or an issuer and key.</summary>
    public JwtSettings Jwt { get; set; } = new();

    public bool IsConfigured => ApiKeys.Count > 0 || Jwt.IsConfigured;
}

/// <summary>One API key: a name for logs, the key's hash (<c>sha256:</c> and 64 hex digits) and its roles.</summary>
public sealed class ApiKeyEntry
{
    public string Name { get; set; } = "";

    public string Hash { get; set; } = "";

    public List<string> Roles { get; set; } = [];
}

/// <summary>How bearer tokens are validated.</summary>
public sealed class JwtSettings
{
    /// <summary>An OpenID Connect authority whose discovery document gives the issuer and signing keys.</summary>
    public string? Authority { get; set; }

    /// <summary>The issuer tokens must carry, with <see cref="SigningKey"/> when there is no authority.</summary>
    public string? Issuer { get; set; }

    /// <summary>The audience tokens must carry; not checked when empty.</summary>
    public string? Audience { get; set; }

    /// <summary>A symmetric signing key (HS256), base64, at least 32 bytes, when there is no authority.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The claim that carries a token's roles.</summary>
    public string RolesClaim { get; set; } = "roles";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(SigningKey);
}
