using System.ComponentModel.DataAnnotations;

namespace Graph.Projection;

/// <summary>Settings of the projection from the event log into the graph (configuration section <c>Projection</c>).</summary>
public sealed class ProjectionOptions
{
    public const string SectionName = "Projection";

    /// <summary>The most events turned into one batch of graph changes.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 1_000;

    /// <summary>How long a mutation waits for the graph to show its write before it answers with an error.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan ReadYourWritesTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the log is polled for events appended by other processes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the lease to project into a shared graph store (Neo4j) lasts unless renewed; it is renewed every third
    /// of it. When its holder dies, another process takes over within this time and a third.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How this process names itself as the lease's holder. A process started again under the same name takes its lease
    /// back at once instead of waiting for it to expire, so the name should stay with the process across restarts and
    /// never be shared by two running at once; the service uses the machine and the addresses it listens on. Unset, a
    /// name of the machine, the process id and a random part.
    /// </summary>
    public string? LeaseHolder { get; set; }

    /// <summary>How often a process that does not project into a shared graph store reads how far it is, while the log is ahead of it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan FollowInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest pause between attempts while the graph store is failing.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
