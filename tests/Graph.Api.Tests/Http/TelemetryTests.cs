using System.Diagnostics;
using System.Net;
using OpenTelemetry.Trace;

namespace Graph.Api.Tests.Http;

/// <summary>What an operator sees of a write: one trace from the request to the log, and the metrics of both.</summary>
public sealed class TelemetryTests
{
    private const string Record = """
        mutation { recordStatement(input: {
          kind: CRITICISE, speaker: { name: "Amazon" }, addressees: [{ name: "Microsoft" }],
          summary: "Recorded for the telemetry test.", sources: [{ publisher: "Trace Times" }]
        }) { statement { id } } }
        """;

    [Fact]
    public async Task A_mutation_is_one_trace_from_the_http_request_through_the_grain_call_to_the_log_append()
    {
        var spans = new List<Activity>();
        using var service = GraphServiceFactory.With(null, services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.SetSampler(new AlwaysOnSampler()).AddInMemoryExporter(spans)));

        var id = (await service.PostAsync(Record)).Data().At("recordStatement.statement.id").GetString();

        // Spans are exported when they end; the request's own ends just after its response is written.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        Activity? request = null;
        while (request is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            lock (spans)
            {
                request = spans.FirstOrDefault(s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("/graphql", StringComparison.Ordinal));
            }
        }

        Assert.NotNull(request);
        List<Activity> trace;
        lock (spans)
        {
            trace = [.. spans.Where(s => s.TraceId == request.TraceId)];
        }

        var append = Assert.Single(trace, s => s.OperationName == "event-log append" && (string?)s.GetTagItem("graph.stream") == $"statement-{id}");
        Assert.Equal("committed", append.GetTagItem("graph.outcome"));
        Assert.Contains(trace, s => s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && s.DisplayName.Contains("IStatementGrain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_of_requests_appends_and_the_projection_are_served_at_metrics()
    {
        using var service = new GraphServiceFactory();
        await service.PostAsync(Record);
        using var client = service.CreateClient();

        using var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("graph_event_log_appends_total{", text, StringComparison.Ordinal);
        Assert.Contains("outcome=\"committed\"", text, StringComparison.Ordinal);
        Assert.Contains("graph_projection_lag_events", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
    }
}
