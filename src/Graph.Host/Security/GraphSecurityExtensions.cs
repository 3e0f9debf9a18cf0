using System.Net;
using Graph.Api.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.IdentityModel.Tokens;

namespace Graph.Host.Security;

/// <summary>The service's configuration cannot be run safely; the message says what to set.</summary>
public sealed class SecuritySetupException(string message) : Exception(message);

/// <summary>Authentication (API keys, JWT bearer tokens, or loopback only), the roles' policies and allowed hosts.</summary>
public static class GraphSecurityExtensions
{
    private const string SelectorScheme = "Graph";

    /// <summary>
    /// Registers authentication as <c>Auth</c> configures it. With none configured, refuses to run bound anywhere but
    /// loopback. Allowed hosts default to the loopback names and the hosts the service is bound to.
    /// </summary>
    public static WebApplicationBuilder AddGraphSecurity(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AuthOptions.SectionName);
        var auth = section.Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.AddOptions<AuthOptions>().Bind(section);
        var problems = auth.ApiKeys.Select(ApiKeys.Problem).OfType<string>().Concat(JwtProblems(auth.Jwt)).ToList();
        if (problems.Count > 0)
        {
            throw new SecuritySetupException(string.Join(" ", problems));
        }

        var urls = BoundUrls(builder.Configuration);
        if (!auth.IsConfigured && urls.Where(u => !IsLoopback(u)).ToList() is { Count: > 0 } exposed)
        {
            throw new SecuritySetupException(
                $"The service would listen on {string.Join(", ", exposed)} with no authentication, so anyone who can reach it could "
                + "read and change everything. Configure API keys (create-api-key prints one) or JWT bearer tokens under Auth, "
                + "or listen on localhost only.");
        }

        if (string.IsNullOrWhiteSpace(builder.Configuration["AllowedHosts"]))
        {
            // A browser page on another site cannot reach the service by a name that resolves to it (DNS rebinding).
            var hosts = urls.Select(HostOf).ToList();
            builder.Configuration["AllowedHosts"] = hosts.Any(IsWildcard)
                ? "*"
                : string.Join(";", new[] { "localhost", "127.0.0.1", "[::1]" }.Concat(hosts).Distinct(StringComparer.OrdinalIgnoreCase));
        }

        var authentication = builder.Services.AddAuthentication(SelectorScheme);
        authentication.AddPolicyScheme(SelectorScheme, "API key, bearer token, or loopback", options => options.ForwardDefaultSelector = context =>
            !auth.IsConfigured ? LoopbackAuthenticationHandler.SchemeName
            : ApiKeyAuthenticationHandler.KeyOf(context.Request) is not null || !auth.Jwt.IsConfigured ? ApiKeyAuthenticationHandler.SchemeName
            : JwtBearerDefaults.AuthenticationScheme);
        if (!auth.IsConfigured)
        {
            authentication.AddScheme<AuthenticationSchemeOptions, LoopbackAuthenticationHandler>(LoopbackAuthenticationHandler.SchemeName, null);
        }
        else
        {
            authentication.AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
            if (auth.Jwt.IsConfigured)
            {
                authentication.AddJwtBearer(options => ConfigureJwt(options, auth.Jwt));
            }
        }

        var authorization = builder.Services.AddAuthorizationBuilder();
        foreach (var role in GraphRoles.All)
        {
            authorization.AddPolicy(role, policy => policy.RequireRole(GraphRoles.Including(role)));
        }

        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, JsonAuthorizationResults>();
        return builder;
    }

    /// <summary>Says at start whether callers must authenticate, and when they need not, why that is safe.</summary>
    public static WebApplication LogAccess(this WebApplication app)
    {
        var auth = app.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        if (auth.IsConfigured)
        {
            app.Logger.LogInformation("Callers authenticate with {Schemes}", string.Join(" and ", new[]
            {
                auth.ApiKeys.Count > 0 ? $"{auth.ApiKeys.Count} API keys" : null,
                auth.Jwt.IsConfigured ? "JWT bearer tokens" : null,
            }.OfType<string>()));
        }
        else
        {
            app.Logger.LogWarning(
                "No authentication is configured (Auth:ApiKeys, Auth:Jwt): the service listens on loopback only, and every caller on this machine holds every role");
        }

        return app;
    }

    private static void ConfigureJwt(JwtBearerOptions options, JwtSettings jwt)
    {
        options.MapInboundClaims = false;
        options.Authority = string.IsNullOrWhiteSpace(jwt.Authority) ? null : jwt.Authority;
        options.RequireHttpsMetadata = options.Authority?.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ?? false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            RoleClaimType = jwt.RolesClaim,
            NameClaimType = "sub",
            ValidateIssuer = !string.IsNullOrWhiteSpace(jwt.Issuer) || options.Authority is not null,
            ValidIssuer = string.IsNullOrWhiteSpace(jwt.Issuer) ? null : jwt.Issuer,
            ValidateAudience = !string.IsNullOrWhiteSpace(jwt.Audience),
            ValidAudience = string.IsNullOrWhiteSpace(jwt.Audience) ? null : jwt.Audience,
            IssuerSigningKey = string.IsNullOrWhiteSpace(jwt.SigningKey) ? null : new SymmetricSecurityKey(Convert.FromBase64String(jwt.SigningKey)),
            ClockSkew = TimeSpan.FromSeconds(30),
        };
    }

    private static IEnumerable<string> JwtProblems(JwtSettings jwt)
    {
        if (!string.IsNullOrWhiteSpace(jwt.SigningKey))
        {
            byte[]? key = null;
            try
            {
                key = Convert.FromBase64String(jwt.SigningKey);
            }
            catch (FormatException)
            {
            }

            if (key is null || key.Length < 32)
            {
                yield return "Auth:Jwt:SigningKey must be base64 of at least 32 bytes.";
            }

            if (string.IsNullOrWhiteSpace(jwt.Issuer) && string.IsNullOrWhiteSpace(jwt.Authority))
            {
                yield return "Auth:Jwt:Issuer must name the issuer tokens signed with Auth:Jwt:SigningKey carry.";
            }
        }
    }

    /// <summary>Where the service listens: <c>urls</c>, Kestrel's endpoints, and any ports bound on every interface.</summary>
    private static List<string> BoundUrls(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        foreach (var key in new[] { "http_ports", "https_ports" })
        {
            urls.AddRange((configuration[key] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"http://*:{p}"));
        }

        return urls;
    }

    private static string HostOf(string url)
    {
        var afterScheme = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        var host = afterScheme.StartsWith('[') ? afterScheme[..(afterScheme.IndexOf(']') + 1)] : afterScheme.Split(':', '/')[0];
        return host;
    }

    private static bool IsWildcard(string host) => host is "*" or "+" or "0.0.0.0" or "[::]" or "";

    private static bool IsLoopback(string url)
    {
        var host = HostOf(url);
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    /// <summary>401 and 403 with a JSON body that says what is missing, like the rest of the service's errors.</summary>
    private sealed class JsonAuthorizationResults : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            if (authorizeResult.Succeeded)
            {
                await _default.HandleAsync(next, context, policy, authorizeResult);
                return;
            }

            var role = policy.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>()
                .SelectMany(r => r.AllowedRoles).FirstOrDefault() ?? GraphRoles.Reader;
            var (status, _, message) = GraphRoles.Refuse(context, "This", role);
            await Results.Json(new { error = message }, statusCode: status).ExecuteAsync(context);
        }
    }
}
