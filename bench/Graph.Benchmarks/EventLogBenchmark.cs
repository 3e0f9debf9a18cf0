using System.Diagnostics;
using System.Globalization;
using System.Text;
using Graph.Abstractions.Statements;
using Graph.EventStore;
using Graph.EventStore.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Graph.Benchmarks;

/// <summary>
/// The PostgreSQL event log's appends under group commit, beside the floors for writing the same rows into a table of
/// the same shape on the same server in the same run: a batched multi-row <c>INSERT</c> of 1,000 rows to a transaction,
/// and binary <c>COPY</c> of 1,000 rows to a transaction.
/// </summary>
public static class EventLogBenchmark
{
    private const int RowsPerTransaction = 1_000;

    public static async Task<string> RunAsync(string connectionString, int count, int inFlight)
    {
        // Statements like the synthetic data set's, one to a stream as the statement grains write them.
        var events = Enumerable.Range(0, count).Select(i => (Stream: $"statement-s{i}", Event: Statement(i))).ToList();
        var rows = events.Select(e => (e.Stream, Type: EventSerializer.TypeNameOf(e.Event), Data: EventSerializer.Serialize(e.Event))).ToList();
        var bytes = rows.Sum(r => (long)r.Data.Length);

        var results = new List<(string Name, TimeSpan Time)>();
        for (var round = 0; round < 3; round++)
        {
            results.Add(("Event log appends (group commit)", await StoreAsync(connectionString, events, inFlight)));
            results.Add(("Raw multi-row INSERT, 1,000 a transaction", await RawAsync(connectionString, rows, copy: false)));
            results.Add(("Raw binary COPY, 1,000 a transaction", await RawAsync(connectionString, rows, copy: true)));
        }

        var median = results.GroupBy(r => r.Name).Select(g => (Name: g.Key, Time: g.Select(r => r.Time).Order().ElementAt(1))).ToList();
        var insert = median.Single(m => m.Name.StartsWith("Raw multi-row", StringComparison.Ordinal)).Time;
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"{count:N0} statement-recorded events ({bytes / (double)count:N0} bytes each on average), {inFlight:N0} appends in flight; median of 3 rounds, the three taken in turns");
        table.AppendLine();
        table.AppendLine("| Writer | Time | Events a second | ÷ multi-row INSERT |");
        table.AppendLine("|---|---:|---:|---:|");
        foreach (var (name, time) in median)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {time.TotalSeconds:0.00} s | {count / time.TotalSeconds:N0} | {insert / time:P0} |");
        }

        return table.ToString();
    }

    private static StatementRecorded Statement(int i) => new(
        $"s{i}", (StatementKind)(i % 8), "010", $"o{i % 997}", null, [$"o{(i * 7) % 991}"], i % 5 == 0 ? [$"o{(i * 13) % 983}"] : [], [], [],
        [$"topic {i % 50}"], null,
        $"A quote of a few dozen words, {i}, that the speaker said to the addressee about the matter at hand.",
        $"Statement {i} summarised in a sentence or two, as an analyst would write it.",
        PartialDate.Parse($"20{10 + (i % 15)}-0{1 + (i % 9)}"), [new StatementSource($"https://example.org/news/{i}", null, "Example News", null)],
        0.8, DateTimeOffset.UnixEpoch.AddDays(i % 5000));

    private static async Task<TimeSpan> StoreAsync(string connectionString, List<(string Stream, StatementRecorded Event)> events, int inFlight)
    {
        await ResetAsync(connectionString, "bench_log");
        await using var store = new PostgresEventStore(
            Options.Create(new PostgresEventStoreOptions { ConnectionString = connectionString, Schema = "bench_log" }),
            NullLogger<PostgresEventStore>.Instance);
        using var slots = new SemaphoreSlim(inFlight);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(events.Select(async e =>
        {
            await slots.WaitAsync();
            try
            {
                if (!(await store.AppendAsync(e.Stream, 0, [e.Event])).Succeeded)
                {
                    throw new InvalidOperationException($"The append to {e.Stream} was refused.");
                }
            }
            finally
            {
                slots.Release();
            }
        }));
        return clock.Elapsed;
    }

    private static async Task<TimeSpan> RawAsync(string connectionString, List<(string Stream, string Type, byte[] Data)> rows, bool copy)
    {
        await ResetAsync(connectionString, "bench_raw");
        await using (var create = new NpgsqlConnection(connectionString))
        {
            await create.OpenAsync();
            await using var table = new NpgsqlCommand(
                """
                CREATE TABLE bench_raw.events (
                    position bigint PRIMARY KEY, stream_id text NOT NULL, version integer NOT NULL, type text NOT NULL,
                    data bytea NOT NULL, recorded_at bigint NOT NULL, UNIQUE (stream_id, version));
                """,
                create);
            await table.ExecuteNonQueryAsync();
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var recordedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < rows.Count; start += RowsPerTransaction)
        {
            var chunk = rows.Skip(start).Take(RowsPerTransaction).ToList();
            await using var transaction = await connection.BeginTransactionAsync();
            if (copy)
            {
                await using var writer = await connection.BeginBinaryImportAsync(
                    "COPY bench_raw.events (position, stream_id, version, type, data, recorded_at) FROM STDIN (FORMAT BINARY)");
                for (var i = 0; i < chunk.Count; i++)
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync((long)(start + i + 1), NpgsqlDbType.Bigint);
                    await writer.WriteAsync(chunk[i].Stream, NpgsqlDbType.Text);
                    await writer.WriteAsync(1, NpgsqlDbType.Integer);
                    await writer.WriteAsync(chunk[i].Type, NpgsqlDbType.Text);
                    await writer.WriteAsync(chunk[i].Data, NpgsqlDbType.Bytea);
                    await writer.WriteAsync(recordedAt, NpgsqlDbType.Bigint);
                }

                await writer.CompleteAsync();
            }
            else
            {
                var values = string.Join(", ", chunk.Select((_, i) => $"(${(i * 5) + 1}, ${(i * 5) + 2}, 1, ${(i * 5) + 3}, ${(i * 5) + 4}, ${(i * 5) + 5})"));
                await using var insert = new NpgsqlCommand($"INSERT INTO bench_raw.events (position, stream_id, version, type, data, recorded_at) VALUES {values};", connection, transaction);
                for (var i = 0; i < chunk.Count; i++)
                {
                    insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = start + i + 1 });
                    insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = chunk[i].Stream });
                    insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = chunk[i].Type });
                    insert.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = chunk[i].Data });
                    insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = recordedAt });
                }

                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        return clock.Elapsed;
    }

    private static async Task ResetAsync(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var reset = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema};", connection);
        await reset.ExecuteNonQueryAsync();
    }
}
