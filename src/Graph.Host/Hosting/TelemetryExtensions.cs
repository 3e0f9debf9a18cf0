using Graph.Api.Http;
using Graph.EventStore;
using Graph.Projection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Dashboard;

namespace Graph.Host.Hosting;

/// <summary>
/// Traces and metrics with OpenTelemetry: from the HTTP request through the grain call (Orleans carries the trace from
/// API node to silo) to the log append, and the projection's batches; metrics of requests, grain calls, appends and the
/// projection's lag. Scraped at <c>/metrics</c> (Prometheus), and sent over OTLP when an endpoint is set
/// (<c>Telemetry:OtlpEndpoint</c> or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>Orleans' own sources and meter.</summary>
    private static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    public static WebApplicationBuilder AddGraphTelemetry(this WebApplicationBuilder builder, ServiceRole role)
    {
        var otlp = builder.Configuration["Telemetry:OtlpEndpoint"] ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("stakeholder-graph", serviceInstanceId: $"{role.ToString().ToLowerInvariant()}-{Environment.MachineName}-{Environment.ProcessId}"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(EventLogTelemetry.Name, Projector.MeterName, "Npgsql").AddSource(OrleansSources).AddAspNetCoreInstrumentation();
                if (string.IsNullOrWhiteSpace(otlp))
                {
                    // Nowhere to send them: spans are not recorded (trace context still flows to the callers' own).
                    tracing.SetSampler(new ParentBasedSampler(new AlwaysOffSampler()));
                }
                else
                {
                    var ratio = builder.Configuration.GetValue("Telemetry:TraceSampleRatio", 1.0);
                    tracing.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(Math.Clamp(ratio, 0, 1))));
                    tracing.AddOtlpExporter(options => options.Endpoint = new Uri(otlp));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(EventLogTelemetry.Name, Projector.MeterName, "Microsoft.Orleans").AddAspNetCoreInstrumentation().AddPrometheusExporter();
                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    metrics.AddOtlpExporter(options => options.Endpoint = new Uri(otlp));
                }
            });
        return builder;
    }

    /// <summary>
    /// <c>/metrics</c> in Prometheus' text format: for the admin role where the service has callers to tell apart; a
    /// silo, which has none, serves it as it serves its health, on the private network its ports belong on.
    /// </summary>
    public static WebApplication MapGraphMetrics(this WebApplication app, bool adminOnly)
    {
        var endpoint = app.MapPrometheusScrapingEndpoint("/metrics");
        if (adminOnly)
        {
            endpoint.AddEndpointFilter(AdminOnly("Reading the metrics"));
        }

        return app;
    }

    /// <summary>Orleans' dashboard at <c>/dashboard</c>: the cluster's silos, grains and calls, for the admin role.</summary>
    public static WebApplication MapGraphDashboard(this WebApplication app)
    {
        app.MapOrleansDashboard("/dashboard").AddEndpointFilter(AdminOnly("The Orleans dashboard"));
        return app;
    }

    private static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> AdminOnly(string what) => async (context, next) =>
    {
        if (GraphRoles.Allows(context.HttpContext.User, GraphRoles.Admin))
        {
            return await next(context);
        }

        var (status, code, message) = GraphRoles.Refuse(context.HttpContext, what, GraphRoles.Admin);
        return Results.Json(new { errors = new[] { new { message, extensions = new { code } } } }, statusCode: status);
    };
}
