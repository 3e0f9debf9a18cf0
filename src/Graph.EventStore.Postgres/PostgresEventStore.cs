using Graph.Abstractions.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Graph.EventStore.Postgres;

/// <summary>The event log in PostgreSQL, shared by every process of a cluster.</summary>
/// <remarks>
/// <para>
/// Each process appends through a single writer that commits whatever is queued in one transaction (group commit); an
/// append's task completes only after its transaction is committed (PostgreSQL's default <c>synchronous_commit</c>,
/// so acknowledged means durable).
/// </para>
/// <para>
/// Positions never let a tailing reader skip an event. A sequence would hand out positions at insert time, so with
/// several writers a transaction holding position 7 could commit after one holding 8, and a reader that had read up to
/// 8 would never see 7. Here a transaction takes its positions from the one-row <c>head</c> table, under that row's
/// lock, which it holds until it commits: appends from every process commit one at a time, in position order, and a
/// transaction that rolls back hands its positions back. A reader that has seen position <c>p</c> has seen every
/// position before it, with no gaps. The price is that commits across the cluster are serialised; group commit makes
/// one lock serve a thousand appends.
/// </para>
/// </remarks>
public sealed partial class PostgresEventStore : IEventStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresEventStoreOptions _options;
    private readonly ILogger<PostgresEventStore> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly GroupCommit _commits;
    private readonly Task _follower;
    private readonly string _events;
    private readonly string _head;
    private readonly string _channel;
    private int _disposed;

    public PostgresEventStore(IOptions<PostgresEventStoreOptions> options, ILogger<PostgresEventStore> logger)
    {
        _options = options.Value;
        _logger = logger;
        _events = $"{_options.Schema}.events";
        _head = $"{_options.Schema}.head";
        _channel = $"{_options.Schema}_events";
        _dataSource = NpgsqlDataSource.Create(WithIdleInTransactionTimeout(_options.ConnectionString, _options.IdleInTransactionTimeout));
        long head;
        try
        {
            head = CreateSchema();
        }
        catch
        {
            _dataSource.Dispose();
            throw;
        }

        LogOpened(_options.Schema, head);
        _commits = new GroupCommit(head, _options.MaxAppendsPerCommit, CommitAsync, LogCommitFailed);
        _follower = Task.Run(() => FollowHeadAsync(_stopping.Token));
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
        await using var command = _dataSource.CreateCommand(
            $"SELECT position, stream_id, version, data, recorded_at FROM {_events} WHERE stream_id = $1 ORDER BY version;");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        return await StoredEventRows.ReadAsync(command, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT position, stream_id, version, data, recorded_at FROM {_events} WHERE position > $1 ORDER BY position LIMIT $2;");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterPosition });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxCount });
        return await StoredEventRows.ReadAsync(command, cancellationToken);
    }

    /// <inheritdoc/>
    public Task WaitForEventsAfterAsync(long knownHead, CancellationToken cancellationToken) =>
        _commits.WaitForEventsAfterAsync(knownHead, cancellationToken);

    /// <summary>How many events of each type the log holds, for statistics.</summary>
    public async Task<IReadOnlyList<(string Type, long Count)>> CountByTypeAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT type, count(*) FROM {_events} GROUP BY type ORDER BY type;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<(string, long)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return counts;
    }

    public async ValueTask DisposeAsync()
    {
        // The container disposes the store once as itself and once as the IEventStore it also is.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _commits.DisposeAsync();
        await _stopping.CancelAsync();
        await _follower;
        _stopping.Dispose();
        await _dataSource.DisposeAsync();
    }

    /// <summary>
    /// Creates the schema, the log and its head when missing, under an advisory lock so processes starting together
    /// do not race each other; then reads the head.
    /// </summary>
    private long CreateSchema()
    {
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            SELECT pg_advisory_xact_lock(hashtext('{_options.Schema}.events schema'));
            CREATE SCHEMA IF NOT EXISTS {_options.Schema};
            CREATE TABLE IF NOT EXISTS {_events} (
                position    bigint  PRIMARY KEY,
                stream_id   text    NOT NULL,
                version     integer NOT NULL,
                type        text    NOT NULL,
                data        bytea   NOT NULL,
                recorded_at bigint  NOT NULL,
                UNIQUE (stream_id, version)
            );
            CREATE TABLE IF NOT EXISTS {_head} (
                id       integer PRIMARY KEY CHECK (id = 1),
                position bigint  NOT NULL
            );
            INSERT INTO {_head} (id, position) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;
            """;
        command.ExecuteNonQuery();
        command.CommandText = $"SELECT position FROM {_head} WHERE id = 1;";
        var head = (long)command.ExecuteScalar()!;
        transaction.Commit();
        return head;
    }

    /// <summary>
    /// The connection string with PostgreSQL's <c>idle_in_transaction_session_timeout</c> added to its start-up options,
    /// so a writer that stops answering mid-commit loses its session, and the head lock with it, after the timeout.
    /// </summary>
    private static string WithIdleInTransactionTimeout(string connectionString, TimeSpan timeout)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var setting = $"-c idle_in_transaction_session_timeout={(long)timeout.TotalMilliseconds}";
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? setting : $"{builder.Options} {setting}";
        return builder.ConnectionString;
    }

    /// <summary>Commits the appends that are at their expected versions, in one transaction; returns the new head.</summary>
    private async Task<long> CommitAsync(IReadOnlyList<PendingAppend> taken, List<(PendingAppend Append, AppendResult Result)> batch)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        // The head row's lock orders every process's commits; see the remarks on the class.
        await using var lockHead = new NpgsqlCommand($"SELECT position FROM {_head} WHERE id = 1 FOR UPDATE;", connection, transaction);
        var head = (long)(await lockHead.ExecuteScalarAsync())!;

        // Versions are read under the same lock, so no other process can append to these streams before this commits.
        var streams = taken.Select(a => a.StreamId).Distinct(StringComparer.Ordinal).ToArray();
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var readVersions = new NpgsqlCommand(
            // A probe of the (stream_id, version) index per stream: a plan over the whole table (which a young table's
            // missing statistics invite) would read it all for every commit.
            $"SELECT s.id, v.version FROM unnest($1::text[]) AS s (id) CROSS JOIN LATERAL (SELECT version FROM {_events} WHERE stream_id = s.id ORDER BY version DESC LIMIT 1) AS v;",
            connection,
            transaction))
        {
            readVersions.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = streams });
            await using var rows = await readVersions.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                versions[rows.GetString(0)] = rows.GetInt32(1);
            }
        }

        var recordedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var (positions, streamIds, eventVersions, types, data) = (new List<long>(), new List<string>(), new List<int>(), new List<string>(), new List<byte[]>());
        foreach (var append in taken)
        {
            var version = versions.GetValueOrDefault(append.StreamId);
            if (version != append.ExpectedVersion)
            {
                batch.Add((append, new AppendResult(false, version, head)));
                continue;
            }

            foreach (var (type, bytes) in append.Events)
            {
                positions.Add(++head);
                streamIds.Add(append.StreamId);
                eventVersions.Add(++version);
                types.Add(type);
                data.Add(bytes);
            }

            versions[append.StreamId] = version;
            batch.Add((append, new AppendResult(true, version, head)));
        }

        if (positions.Count > 0)
        {
            // One round trip: the rows, the head, and the notification, which PostgreSQL delivers at commit.
            await using var insert = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands =
                {
                    new($"""
                        INSERT INTO {_events} (position, stream_id, version, type, data, recorded_at)
                        SELECT p, s, v, t, d, $6 FROM unnest($1::bigint[], $2::text[], $3::integer[], $4::text[], $5::bytea[]) AS rows (p, s, v, t, d);
                        """)
                    {
                        Parameters =
                        {
                            new NpgsqlParameter<long[]> { TypedValue = [.. positions] },
                            new NpgsqlParameter<string[]> { TypedValue = [.. streamIds] },
                            new NpgsqlParameter<int[]> { TypedValue = [.. eventVersions] },
                            new NpgsqlParameter<string[]> { TypedValue = [.. types] },
                            new NpgsqlParameter<byte[][]> { TypedValue = [.. data] },
                            new NpgsqlParameter<long> { TypedValue = recordedAt },
                        },
                    },
                    new($"UPDATE {_head} SET position = $1 WHERE id = 1;") { Parameters = { new NpgsqlParameter<long> { TypedValue = head } } },
                    new("SELECT pg_notify($1, $2);")
                    {
                        Parameters =
                        {
                            new NpgsqlParameter<string> { TypedValue = _channel },
                            new NpgsqlParameter<string> { TypedValue = head.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                        },
                    },
                },
            };
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return head;
    }

    /// <summary>
    /// Follows the head as every process moves it: a notification on each commit, and a read of the head now and then
    /// for those missed while the listening connection was down.
    /// </summary>
    private async Task FollowHeadAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(stopping);
                connection.Notification += (_, e) =>
                {
                    if (long.TryParse(e.Payload, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position))
                    {
                        _commits.MoveHead(position);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {_channel};", connection))
                {
                    await listen.ExecuteNonQueryAsync(stopping);
                }

                await using var read = new NpgsqlCommand($"SELECT position FROM {_head} WHERE id = 1;", connection);
                while (!stopping.IsCancellationRequested)
                {
                    _commits.MoveHead((long)(await read.ExecuteScalarAsync(stopping))!);
                    await connection.WaitAsync(_options.HeadPollInterval, stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                LogFollowFailed(exception);
                try
                {
                    await Task.Delay(_options.HeadPollInterval, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL event log (schema {Schema}) opened at position {Position}")]
    private partial void LogOpened(string schema, long position);

    [LoggerMessage(Level = LogLevel.Error, Message = "An event store commit of {Count} appends failed; none was acknowledged (a commit cut off with its connection may still have been written: a retry then finds its stream moved on)")]
    private partial void LogCommitFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Following the event log's head failed; trying again")]
    private partial void LogFollowFailed(Exception exception);
}
