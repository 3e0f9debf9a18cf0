using Graph.EventStore;
using Graph.Grains;
using Graph.Projection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Graph.Host.Hosting;

public static class GraphHostingExtensions
{
    /// <summary>The event log, the projection, and the graph it writes and the API reads.</summary>
    public static WebApplicationBuilder AddGraphStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddSqliteEventStore(builder.Configuration);
        builder.Services.AddGraphProjection(builder.Configuration);
        builder.Services.AddEmbeddedGraph();
        builder.Services.AddHealthChecks().AddCheck<ProjectionHealthCheck>("projection", tags: ["ready"]);
        return builder;
    }

    /// <summary>The Orleans silo that hosts the grains, inside this process.</summary>
    public static WebApplicationBuilder AddGraphSilo(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OrleansOptions>()
            .Bind(builder.Configuration.GetSection(OrleansOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var orleans = builder.Configuration.GetSection(OrleansOptions.SectionName).Get<OrleansOptions>() ?? new OrleansOptions();
        builder.Services.AddGraphGrains();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = orleans.ClusterId;
                options.ServiceId = orleans.ServiceId;
            });
        });
        return builder;
    }

    /// <summary>Health endpoints: <c>/health/live</c> answers while the process runs, <c>/health/ready</c> when the graph is current.</summary>
    public static WebApplication MapGraphHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }

    private sealed class ProjectionHealthCheck(Projector projector, IOptions<ProjectionOptions> options) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var data = new Dictionary<string, object> { ["checkpoint"] = projector.Checkpoint, ["lagEvents"] = projector.Lag };
            return Task.FromResult(projector.Lag <= options.Value.BatchSize
                ? HealthCheckResult.Healthy($"The graph is {projector.Lag} events behind the log.", data)
                : HealthCheckResult.Degraded($"The graph is {projector.Lag} events behind the log.", data: data));
        }
    }
}
