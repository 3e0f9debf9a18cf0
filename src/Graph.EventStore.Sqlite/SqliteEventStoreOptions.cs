using System.ComponentModel.DataAnnotations;

namespace Graph.EventStore.Sqlite;

/// <summary>Settings of the embedded SQLite event store (configuration section <c>EventStore</c>).</summary>
public sealed class SqliteEventStoreOptions
{
    public const string SectionName = "EventStore";

    /// <summary>The SQLite file; a relative path is taken from the working directory.</summary>
    [Required]
    public string Path { get; set; } = System.IO.Path.Combine("data", "events.db");

    /// <summary>The most appends committed together in one transaction and one fsync (group commit).</summary>
    [Range(1, 100_000)]
    public int MaxAppendsPerCommit { get; set; } = 1_000;

    /// <summary>
    /// Whether each commit is flushed to disk before it is acknowledged (SQLite <c>synchronous=FULL</c>).
    /// Off (<c>NORMAL</c>) still survives a killed process, but not a power cut.
    /// </summary>
    public bool FlushEachCommit { get; set; } = true;

    /// <summary>
    /// Opens the log for reading only (exports, statistics, rebuilds), beside a service that writes it. A writing
    /// store holds a lock file, so two processes never write one log.
    /// </summary>
    public bool ReadOnly { get; set; }
}
