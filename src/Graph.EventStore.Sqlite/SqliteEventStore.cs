using System.Collections.Concurrent;
using Graph.Abstractions.Events;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Graph.EventStore.Sqlite;

/// <summary>The embedded event store: one SQLite file in WAL mode.</summary>
/// <remarks>
/// Appends go through a single writer that commits whatever is queued in one transaction (group commit), so
/// concurrent writers share one fsync. An append's task completes only after its transaction is committed.
/// </remarks>
public sealed partial class SqliteEventStore : IEventStore, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly SqliteEventStoreOptions _options;
    private readonly ILogger<SqliteEventStore> _logger;
    private readonly GroupCommit _commits;
    private readonly SqliteConnection? _writeConnection;
    private readonly SqliteCommand? _insert;
    private readonly FileStream? _lock;

    // The version of every stream, known to the one process that writes the log: appends check it without a query,
    // and a grain activating on a stream that does not exist yet is answered without one.
    private readonly ConcurrentDictionary<string, int> _streamVersions = new(StringComparer.Ordinal);
    /// <summary>SQLite's application id for this service's logs: "GRPH".</summary>
    private const long ApplicationId = 0x47525048;

    public SqliteEventStore(IOptions<SqliteEventStoreOptions> options, ILogger<SqliteEventStore> logger)
    {
        _options = options.Value;
        _logger = logger;
        var path = Path.GetFullPath(_options.Path);
        if (_options.ReadOnly)
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"There is no event log at {path}.", path);
            }
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            _lock = TakeWriterLock(path);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = _options.ReadOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

        if (_options.ReadOnly)
        {
            using var reader = Open();
            CheckIsEventLog(reader, path);
            using var head = reader.CreateCommand();
            head.CommandText = "SELECT COALESCE(MAX(position), 0) FROM events;";
            _commits = GroupCommit.ReadOnly((long)head.ExecuteScalar()!);
            LogOpened(path, _commits.Head);
            return;
        }

        var writeConnection = Open();
        try
        {
            CheckIsEventLog(writeConnection, path);
        }
        catch
        {
            writeConnection.Dispose();
            _lock?.Dispose();
            throw;
        }

        Execute(writeConnection, $"PRAGMA application_id = {ApplicationId};");
        Execute(writeConnection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS events (
                position    INTEGER PRIMARY KEY AUTOINCREMENT,
                stream_id   TEXT    NOT NULL,
                version     INTEGER NOT NULL,
                type        TEXT    NOT NULL,
                data        BLOB    NOT NULL,
                recorded_at INTEGER NOT NULL,
                UNIQUE (stream_id, version)
            );
            """);
        Execute(writeConnection, $"PRAGMA synchronous = {(_options.FlushEachCommit ? "FULL" : "NORMAL")};");
        long headPosition;
        using (var head = writeConnection.CreateCommand())
        {
            head.CommandText = "SELECT COALESCE(MAX(position), 0) FROM events;";
            headPosition = (long)head.ExecuteScalar()!;
        }

        using (var streams = writeConnection.CreateCommand())
        {
            streams.CommandText = "SELECT stream_id, MAX(version) FROM events GROUP BY stream_id;";
            using var rows = streams.ExecuteReader();
            while (rows.Read())
            {
                _streamVersions[rows.GetString(0)] = rows.GetInt32(1);
            }
        }

        // A log opened on a read-only file or disk still serves reads; say at once that it cannot take writes.
        string? unwritableBecause = null;
        try
        {
            Execute(writeConnection, "BEGIN IMMEDIATE; ROLLBACK;");
        }
        catch (SqliteException unwritable)
        {
            unwritableBecause = unwritable.Message;
            LogUnwritable(unwritable, path);
        }

        _writeConnection = writeConnection;
        _insert = writeConnection.CreateCommand();
        _insert.CommandText = """
            INSERT INTO events (stream_id, version, type, data, recorded_at)
            VALUES ($stream, $version, $type, $data, $recorded_at)
            RETURNING position;
            """;
        _insert.Parameters.Add("$stream", SqliteType.Text);
        _insert.Parameters.Add("$version", SqliteType.Integer);
        _insert.Parameters.Add("$type", SqliteType.Text);
        _insert.Parameters.Add("$data", SqliteType.Blob);
        _insert.Parameters.Add("$recorded_at", SqliteType.Integer);
        LogOpened(path, headPosition);
        _commits = new GroupCommit(headPosition, _options.MaxAppendsPerCommit, (taken, results) => Task.FromResult(Commit(taken, results)), LogCommitFailed, unwritableBecause);
    }

    /// <inheritdoc/>
    public long HeadPosition => _commits.Head;

    /// <inheritdoc/>
    public string? WriteFailure => _commits.WriteFailure;

    /// <inheritdoc/>
    public Task<AppendResult> AppendAsync(string streamId, int expectedVersion, IReadOnlyList<GraphEvent> events, CancellationToken cancellationToken = default) =>
        _commits.AppendAsync(streamId, expectedVersion, events, cancellationToken);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, CancellationToken cancellationToken = default)
    {
        if (!_options.ReadOnly && !_streamVersions.ContainsKey(streamId))
        {
            return [];
        }

        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT position, stream_id, version, data, recorded_at FROM events WHERE stream_id = $stream ORDER BY version;";
        command.Parameters.AddWithValue("$stream", streamId);
        return await StoredEventRows.ReadAsync(command, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT position, stream_id, version, data, recorded_at FROM events WHERE position > $after ORDER BY position LIMIT $max;";
        command.Parameters.AddWithValue("$after", afterPosition);
        command.Parameters.AddWithValue("$max", maxCount);
        return await StoredEventRows.ReadAsync(command, cancellationToken);
    }

    /// <inheritdoc/>
    public Task WaitForEventsAfterAsync(long knownHead, CancellationToken cancellationToken) =>
        _commits.WaitForEventsAfterAsync(knownHead, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _commits.DisposeAsync();
        _insert?.Dispose();
        if (_writeConnection is not null)
        {
            await _writeConnection.DisposeAsync();
        }

        if (_lock is not null)
        {
            await _lock.DisposeAsync();
        }
    }

    /// <summary>How many events of each type the log holds, for statistics.</summary>
    public async Task<IReadOnlyList<(string Type, long Count)>> CountByTypeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT type, COUNT(*) FROM events GROUP BY type ORDER BY type;";
        var counts = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return counts;
    }

    private static FileStream TakeWriterLock(string path)
    {
        try
        {
            return new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException)
        {
            throw new EventStoreInUseException(path);
        }
    }

    /// <summary>
    /// Refuses a file that is another application's database: it must be empty, or hold this service's <c>events</c>
    /// table (logs written before the application id was set have the table and an id of 0), and carry no other
    /// application's id.
    /// </summary>
    private static void CheckIsEventLog(SqliteConnection connection, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA application_id;";
        var applicationId = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
        var tables = new List<string>();
        using (var rows = command.ExecuteReader())
        {
            while (rows.Read())
            {
                tables.Add(rows.GetString(0));
            }
        }

        command.CommandText = "SELECT name FROM pragma_table_info('events') ORDER BY cid;";
        var columns = new List<string>();
        using (var rows = command.ExecuteReader())
        {
            while (rows.Read())
            {
                columns.Add(rows.GetString(0));
            }
        }

        var isOurs = tables.Count == 0
            || (tables.SequenceEqual(["events"]) && columns.SequenceEqual(["position", "stream_id", "version", "type", "data", "recorded_at"]));
        if ((applicationId != 0 && applicationId != ApplicationId) || !isOurs)
        {
            throw new EventLogUnreadableException(
                $"{path} is not an event log of this service: it holds {(tables.Count == 0 ? "no tables" : "the tables " + string.Join(", ", tables))}"
                + $"{(applicationId is not 0 and not ApplicationId ? $" and another application's id ({applicationId})" : "")}. "
                + "Point EventStore:Path at this service's log, or at a new file.");
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Writes the appends that are at their expected versions in one transaction; returns the new head.</summary>
    private long Commit(IReadOnlyList<PendingAppend> taken, List<(PendingAppend Append, AppendResult Result)> results)
    {
        var insert = _insert!;
        using var transaction = _writeConnection!.BeginTransaction(deferred: false);
        var batchVersions = new Dictionary<string, int>(StringComparer.Ordinal);
        insert.Transaction = transaction;
        var recordedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var head = HeadPosition;
        foreach (var append in taken)
        {
            var version = batchVersions.TryGetValue(append.StreamId, out var pending) ? pending : _streamVersions.GetValueOrDefault(append.StreamId);
            if (version != append.ExpectedVersion)
            {
                results.Add((append, new AppendResult(false, version, head)));
                continue;
            }

            foreach (var (type, data) in append.Events)
            {
                insert.Parameters["$stream"].Value = append.StreamId;
                insert.Parameters["$version"].Value = ++version;
                insert.Parameters["$type"].Value = type;
                insert.Parameters["$data"].Value = data;
                insert.Parameters["$recorded_at"].Value = recordedAt;
                head = (long)insert.ExecuteScalar()!;
            }

            batchVersions[append.StreamId] = version;
            results.Add((append, new AppendResult(true, version, head)));
        }

        transaction.Commit();
        foreach (var (stream, version) in batchVersions)
        {
            _streamVersions[stream] = version;
        }

        return head;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event store {Path} opened at position {Position}")]
    private partial void LogOpened(string path, long position);

    [LoggerMessage(Level = LogLevel.Error, Message = "The event log {Path} cannot be written; it serves reads, and every write fails until it can")]
    private partial void LogUnwritable(Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "An event store commit of {Count} appends failed; none of them was written")]
    private partial void LogCommitFailed(Exception exception, int count);
}
