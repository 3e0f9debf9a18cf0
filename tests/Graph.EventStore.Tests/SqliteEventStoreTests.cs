using Graph.EventStore.Sqlite;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Graph.EventStore.Tests;

public sealed class SqliteEventStoreTests : EventStoreContract<SqliteEventStore>, IDisposable
{
    private readonly ScratchDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    protected override SqliteEventStore Open(int maxAppendsPerCommit = 1_000) => new(
        Options.Create(new SqliteEventStoreOptions { Path = _directory.File("events.db"), MaxAppendsPerCommit = maxAppendsPerCommit }),
        NullLogger<SqliteEventStore>.Instance);

    [Fact]
    public void A_database_of_another_application_is_refused_and_left_as_it_was()
    {
        Execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Ada');");

        var refused = Assert.Throws<EventLogUnreadableException>(() => Open());

        Assert.Contains("is not an event log of this service: it holds the tables customers", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["customers"], Tables());
        Assert.False(File.Exists(_directory.File("events.db.lock")));
    }

    [Fact]
    public async Task A_log_written_before_logs_carried_an_application_id_still_opens()
    {
        await using (var store = Open())
        {
            await store.AppendAsync("organisation-a", 0, [Registered("a")]);
        }

        Execute("PRAGMA application_id = 0;");
        await using var reopened = Open();

        Assert.Single(await reopened.ReadStreamAsync("organisation-a"));
        Assert.True((await reopened.AppendAsync("organisation-b", 0, [Registered("b")])).Succeeded);
    }

    private void Execute(string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_directory.File("events.db")};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private List<string> Tables()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_directory.File("events.db")};Pooling=false;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name;";
        using var rows = command.ExecuteReader();
        var tables = new List<string>();
        while (rows.Read())
        {
            tables.Add(rows.GetString(0));
        }

        return tables;
    }

    /// <inheritdoc/>
    protected override void Refuse(bool refuse)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_directory.File("events.db")};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = refuse
            ? "CREATE TRIGGER refuse_inserts BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;"
            : "DROP TRIGGER refuse_inserts;";
        command.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    protected override void Corrupt(long position, byte[] data)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_directory.File("events.db")};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE events SET data = $data WHERE position = $position;";
        command.Parameters.AddWithValue("$data", data);
        command.Parameters.AddWithValue("$position", position);
        command.ExecuteNonQuery();
    }
}
