using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Graph.Embedded;
using Graph.EventStore;
using Graph.Grains;
using Graph.Neo4j;
using Graph.Projection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Connections.Security;
using Orleans.Dashboard;
using StackExchange.Redis;

namespace Graph.Host.Hosting;

public static class GraphHostingExtensions
{
    /// <summary>The address the service listens on when nothing else says where.</summary>
    public const string DefaultUrls = "http://localhost:5080";

    /// <summary>
    /// Listens on <see cref="DefaultUrls"/> unless <c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>Urls</c>, the
    /// <c>*_PORTS</c> settings or Kestrel endpoints say otherwise; a default in appsettings.json would override
    /// <c>ASPNETCORE_URLS</c>, so it is set here instead.
    /// </summary>
    public static WebApplicationBuilder UseDefaultUrlsUnlessConfigured(this WebApplicationBuilder builder)
    {
        if (UnconfiguredAddresses(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }

        return builder;
    }

    private static bool UnconfiguredAddresses(IConfiguration configuration) =>
        string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["http_ports"])
        && string.IsNullOrEmpty(configuration["https_ports"]) && !configuration.GetSection("Kestrel:Endpoints").Exists();

    /// <summary>
    /// The event log, the projection, and the graph it writes and the API reads; <paramref name="readOnlyLog"/> for an
    /// API node, which reads the log the silos write.
    /// </summary>
    public static WebApplicationBuilder AddGraphStorage(this WebApplicationBuilder builder, bool readOnlyLog = false)
    {
        builder.Services.AddOptions<GraphOptions>().Bind(builder.Configuration.GetSection(GraphOptions.SectionName));
        builder.Services.AddOptions<Import.ImportLimits>()
            .Bind(builder.Configuration.GetSection(Import.ImportLimits.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddGraphEventLog(builder.Configuration, readOnlyLog);
        builder.Services.AddGraphProjection(builder.Configuration);

        // A process started again where it ran before (same machine, same addresses) takes its projection lease back at
        // once; two running at once cannot listen on the same addresses, so they never share a name.
        var urls = builder.Configuration["urls"] is { Length: > 0 } configured ? configured
            : UnconfiguredAddresses(builder.Configuration) ? DefaultUrls : null;
        if (urls is not null)
        {
            builder.Services.PostConfigure<ProjectionOptions>(options => options.LeaseHolder ??= $"{Environment.MachineName} {urls}");
        }

        var store = builder.Configuration.GetSection(GraphOptions.SectionName).Get<GraphOptions>()?.Store ?? GraphStoreKind.Embedded;
        if (store == GraphStoreKind.Neo4j)
        {
            builder.Services.AddNeo4jGraph(builder.Configuration);
        }
        else
        {
            builder.Services.AddEmbeddedGraph();
        }

        builder.Services.AddHealthChecks()
            .AddCheck<EventLogHealthCheck>("event-log", tags: ["ready"])
            .AddCheck<ProjectionHealthCheck>("projection", tags: ["ready"]);
        return builder;
    }

    /// <summary>A silo's own storage: the event log it writes, and its health.</summary>
    public static WebApplicationBuilder AddGraphSiloStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddGraphEventLog(builder.Configuration);
        builder.Services.AddHealthChecks().AddCheck<EventLogHealthCheck>("event-log", tags: ["ready"]);
        return builder;
    }

    /// <summary>The role the settings give this process.</summary>
    public static ServiceRole Role(IConfiguration configuration) => configuration[$"{GraphOptions.SectionName}:Role"] switch
    {
        null or "" => ServiceRole.All,
        var name when Enum.TryParse<ServiceRole>(name, ignoreCase: true, out var role) && Enum.IsDefined(role) => role,
        var name => throw new SettingsException($"Graph:Role is '{name}'; it must be one of {string.Join(", ", Enum.GetNames<ServiceRole>())}."),
    };

    /// <summary>The Orleans silo that hosts the grains, inside this process.</summary>
    public static IHostApplicationBuilder AddGraphSilo(this IHostApplicationBuilder builder)
    {
        var orleans = Orleans(builder);
        builder.Services.AddGraphGrains();
        builder.UseOrleans(silo =>
        {
            if (orleans.Membership == ClusteringKind.Redis)
            {
                var address = IPAddress.Parse(orleans.AdvertisedAddress);
                silo.ConfigureEndpoints(address, orleans.SiloPort, orleans.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(address));
                silo.UseRedisClustering(options => options.ConfigurationOptions = ConfigurationOptions.Parse(orleans.RedisConnectionString!));
            }
            else
            {
                silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
            }

            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = orleans.ClusterId;
                options.ServiceId = orleans.ServiceId;
            });
            silo.Configure<SiloMessagingOptions>(options => options.ResponseTimeout = orleans.ResponseTimeout);

            // A silo that stops answering without closing its connections (a machine off the network, a frozen
            // process) is voted dead only once nothing has come from it for three of the longest probe timeouts: with
            // Orleans' timings (5 s probes, up to 20 s) writes to its grains failed for 48 s after it froze; with these,
            // the last failed 21 s after (docs/benchmarks.md, "The cluster"). Any of
            // ClusterMembershipOptions can be set under Orleans:ClusterMembership.
            silo.Configure<ClusterMembershipOptions>(options =>
            {
                options.ProbeTimeout = TimeSpan.FromSeconds(2);
                options.MaxProbeTimeout = TimeSpan.FromSeconds(4);
                options.TableRefreshTimeout = TimeSpan.FromSeconds(10);
            });
            silo.Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection(ClusterMembershipSection));
            if (ClusterCertificate(orleans) is { } certificate)
            {
                silo.UseTls(certificate, tls => RequireTheSame(tls, certificate));
            }

            silo.AddActivityPropagation();
            if (orleans.Dashboard)
            {
                silo.AddDashboard();
            }
        });
        return builder;
    }

    /// <summary>Where Orleans' own membership settings are read from (<c>ClusterMembershipOptions</c>).</summary>
    public const string ClusterMembershipSection = "Orleans:ClusterMembership";

    /// <summary>Where Orleans' own client gateway settings are read from (<c>GatewayOptions</c>).</summary>
    public const string GatewaySection = "Orleans:Gateway";

    /// <summary>An Orleans client of the cluster's silos, for an API node that holds no grains.</summary>
    public static IHostApplicationBuilder AddGraphClusterClient(this IHostApplicationBuilder builder)
    {
        var orleans = Orleans(builder);
        builder.UseOrleansClient(client =>
        {
            if (orleans.Membership == ClusteringKind.Redis)
            {
                client.UseRedisClustering(options => options.ConfigurationOptions = ConfigurationOptions.Parse(orleans.RedisConnectionString!));
            }
            else
            {
                client.UseLocalhostClustering(orleans.GatewayPort, orleans.ServiceId, orleans.ClusterId);
            }

            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = orleans.ClusterId;
                options.ServiceId = orleans.ServiceId;
            });
            client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = orleans.ResponseTimeout);

            // How soon an API node stops sending to a gateway whose silo was declared dead; Orleans waits a minute. Any
            // of GatewayOptions can be set under Orleans:Gateway.
            client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(10));
            client.Services.Configure<GatewayOptions>(builder.Configuration.GetSection(GatewaySection));
            if (ClusterCertificate(orleans) is { } certificate)
            {
                client.UseTls(certificate, tls => RequireTheSame(tls, certificate));
            }

            client.AddActivityPropagation();
            if (orleans.Dashboard)
            {
                client.AddDashboard();
            }
        });
        return builder;
    }

    /// <summary>The cluster's certificate, when the settings name one; a clear error when it cannot be read.</summary>
    private static X509Certificate2? ClusterCertificate(OrleansOptions orleans)
    {
        if (string.IsNullOrWhiteSpace(orleans.TlsCertificatePath))
        {
            return null;
        }

        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(orleans.TlsCertificatePath, orleans.TlsCertificatePassword);
        }
        catch (Exception unreadable) when (unreadable is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new SettingsException($"Orleans:TlsCertificatePath is '{orleans.TlsCertificatePath}', which cannot be read as a PKCS#12 certificate: {unreadable.Message}");
        }
    }

    /// <summary>Mutual TLS between the cluster's processes: each presents the cluster's certificate and accepts only that one.</summary>
    private static void RequireTheSame(TlsOptions tls, X509Certificate2 certificate)
    {
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.RemoteCertificateValidation = (remote, _, _) => remote is not null && remote.RawData.AsSpan().SequenceEqual(certificate.RawData);
    }

    private static OrleansOptions Orleans(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OrleansOptions>()
            .Bind(builder.Configuration.GetSection(OrleansOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var orleans = builder.Configuration.GetSection(OrleansOptions.SectionName).Get<OrleansOptions>() ?? new OrleansOptions();
        if (orleans.Membership == ClusteringKind.Redis && string.IsNullOrWhiteSpace(orleans.RedisConnectionString))
        {
            throw new SettingsException("Orleans:Membership is Redis but Orleans:RedisConnectionString is not set (e.g. --Orleans:RedisConnectionString=localhost:6379).");
        }

        if (!IPAddress.TryParse(orleans.AdvertisedAddress, out _))
        {
            throw new SettingsException($"Orleans:AdvertisedAddress is '{orleans.AdvertisedAddress}'; it must be an IP address, such as 10.0.0.5.");
        }

        return orleans;
    }

    /// <summary>
    /// <c>/version</c> (a fixed JSON document), <c>/health/live</c> (answers while the process runs) and
    /// <c>/health/ready</c> (with the graph's lag behind the log).
    /// </summary>
    public static WebApplication MapGraphHealth(this WebApplication app)
    {
        var version = new
        {
            service = "stakeholder-graph",
            version = typeof(GraphHostingExtensions).Assembly.GetName().Version?.ToString(),
            graphQL = "/graphql",
        };
        app.MapGet("/version", () => Results.Json(version));
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteReportAsync });
        return app;
    }

    /// <summary>The readiness report as JSON: the overall status, and each check's status, description and figures.</summary>
    private static Task WriteReportAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        });

    /// <summary>Unhealthy while the event log cannot be written: reads go on, and every write fails at once.</summary>
    private sealed class EventLogHealthCheck(IEventStore events) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var failure = events.WriteFailure;
            var data = new Dictionary<string, object> { ["position"] = events.HeadPosition, ["writable"] = failure is null };
            return Task.FromResult(failure is null
                ? HealthCheckResult.Healthy($"The event log is at position {events.HeadPosition} and takes writes.", data)
                : HealthCheckResult.Unhealthy($"The event log cannot be written: {failure}", data: data));
        }
    }

    /// <summary>
    /// Ready while the graph keeps up with the log; degraded (still 200, writes are safe in the log) while it lags,
    /// for instance while Neo4j is down; the lag in events and seconds is in the report either way, and whether this
    /// process is the one projecting into a shared graph (Neo4j) or follows another.
    /// </summary>
    private sealed class ProjectionHealthCheck(Projector projector, IOptions<ProjectionOptions> options) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var lag = projector.Lag;
            var seconds = Math.Round(projector.LagTime.TotalSeconds, 1);
            var data = new Dictionary<string, object>
            {
                ["checkpoint"] = projector.Checkpoint, ["lagEvents"] = lag, ["lagSeconds"] = seconds,
                ["projecting"] = projector.HoldsLease, ["projector"] = projector.LeaseHolder ?? "not known yet",
            };
            var description = projector.HoldsLease
                ? $"The graph is {lag} events ({seconds} s) behind the log."
                : $"The graph is {lag} events ({seconds} s) behind the log; {projector.LeaseHolder ?? "another process"} projects into it.";
            return Task.FromResult(lag <= options.Value.BatchSize && seconds < 30
                ? HealthCheckResult.Healthy(description, data)
                : HealthCheckResult.Degraded(description, data: data));
        }
    }
}
