using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;

namespace Graph.Host.Security;

/// <summary>How many requests one client may send (configuration section <c>RateLimit</c>); off unless set.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimit";

    /// <summary>Requests a client may send each minute, as a steady rate; 0 turns the limit off.</summary>
    [Range(0, 1_000_000)]
    public int PermitsPerMinute { get; set; }

    /// <summary>How many requests a client may send at once above the steady rate.</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 20;
}

/// <summary>
/// A token bucket per client: per API key or token subject when the caller authenticated, per address otherwise.
/// A refused request is a 429 with <c>Retry-After</c>.
/// </summary>
public static class RateLimits
{
    public const string PolicyName = "per-client";

    public static WebApplicationBuilder AddGraphRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>()
            .Bind(builder.Configuration.GetSection(RateLimitOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var limits = builder.Configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.Response.WriteAsJsonAsync(
                    new { error = $"Too many requests from this client; at most {limits.PermitsPerMinute} a minute. Try again in {seconds} s." },
                    cancellationToken);
            };
            options.AddPolicy(PolicyName, context => limits.PermitsPerMinute == 0
                ? RateLimitPartition.GetNoLimiter("unlimited")
                : RateLimitPartition.GetTokenBucketLimiter(ClientOf(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.Burst,
                    TokensPerPeriod = Math.Max(1, limits.PermitsPerMinute / 60),
                    ReplenishmentPeriod = limits.PermitsPerMinute >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(60.0 / limits.PermitsPerMinute),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        });
        return builder;
    }

    private static string ClientOf(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, AuthenticationType: not LoopbackAuthenticationHandler.SchemeName, Name: { } name }
            ? "caller:" + name
            : "address:" + context.Connection.RemoteIpAddress;
}
