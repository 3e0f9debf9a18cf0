using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Graph.EventStore;

/// <summary>The event log's traces and metrics: a span for each append (queue and commit) and each commit, counters of both.</summary>
public static class EventLogTelemetry
{
    public const string Name = "Graph.EventStore";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Appends answered, by outcome: committed, conflict (the stream had moved on) or failed.</summary>
    public static readonly Counter<long> Appends = Meter.CreateCounter<long>("graph.event_log.appends", "{append}", "Appends answered, by outcome.");

    /// <summary>Events committed to the log.</summary>
    public static readonly Counter<long> Events = Meter.CreateCounter<long>("graph.event_log.events", "{event}", "Events committed to the log.");

    /// <summary>How many appends each commit carried (group commit).</summary>
    public static readonly Histogram<long> AppendsPerCommit = Meter.CreateHistogram<long>("graph.event_log.commit.appends", "{append}", "Appends carried by one commit.");
}
