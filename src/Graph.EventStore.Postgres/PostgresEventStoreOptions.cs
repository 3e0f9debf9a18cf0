using System.ComponentModel.DataAnnotations;

namespace Graph.EventStore.Postgres;

/// <summary>Settings of the PostgreSQL event store (configuration section <c>EventStore</c>, with <c>Provider=Postgres</c>).</summary>
public sealed class PostgresEventStoreOptions
{
    public const string SectionName = "EventStore";

    /// <summary>An Npgsql connection string: <c>Host=...;Username=...;Password=...;Database=...</c>.</summary>
    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>The schema that holds the log's tables; created when missing.</summary>
    [Required]
    [RegularExpression("^[a-z_][a-z0-9_]{0,49}$", ErrorMessage = "EventStore:Schema must be a lower-case SQL identifier (letters, digits, _).")]
    public string Schema { get; set; } = "graph";

    /// <summary>The most appends committed together in one transaction (group commit).</summary>
    [Range(1, 100_000)]
    public int MaxAppendsPerCommit { get; set; } = 1_000;

    /// <summary>
    /// How often the head is read when no notification came: a backstop for notifications lost while the listening
    /// connection was down.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan HeadPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long PostgreSQL lets a writer's transaction wait for its next command before it ends the session and rolls
    /// the transaction back (<c>idle_in_transaction_session_timeout</c>). A commit holds the log's head lock from its
    /// first command to its last; a writer that stops answering in between (a frozen process, a machine cut off the
    /// network) would otherwise hold it, and stop every other writer, for as long as its connection looks open.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan IdleInTransactionTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
