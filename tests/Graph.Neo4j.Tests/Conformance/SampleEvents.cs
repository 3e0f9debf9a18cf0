using Graph.Abstractions.Records;
using Graph.EventStore;
using Graph.EventStore.Sqlite;
using Graph.Grains;
using Graph.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;

namespace Graph.Neo4j.Tests.Conformance;

/// <summary>The sample data's events, made the real way: its records sent through the grains into a SQLite log.</summary>
internal static class SampleEvents
{
    public static async Task<IReadOnlyList<StoredEvent>> LoadAsync()
    {
        using var data = new ScratchDirectory();
        await using var events = new SqliteEventStore(
            Options.Create(new SqliteEventStoreOptions { Path = data.File("events.db") }),
            NullLogger<SqliteEventStore>.Instance);
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureHost(host => host.Logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<IEventStore>(events);
            silo.Services.AddGraphGrains();
        });
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        foreach (var line in await File.ReadAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "Conformance", "rekognition-moratorium.jsonl")))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                await GraphRecord.Parse(line, EventSerializer.Options).SendAsync(cluster.Client);
            }
        }

        return await events.ReadAllAsync(0, int.MaxValue);
    }
}
