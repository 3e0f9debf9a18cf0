using Graph.EventStore;
using Graph.EventStore.Sqlite;
using Graph.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;

namespace Graph.Grains.Tests;

/// <summary>One in-process Orleans cluster with the real SQLite event store, shared by a collection of tests.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly ScratchDirectory _data = new();

    public SqliteEventStore Events { get; private set; } = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        Events = new SqliteEventStore(
            Options.Create(new SqliteEventStoreOptions { Path = _data.File("events.db") }),
            NullLogger<SqliteEventStore>.Instance);
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureHost(host => host.Logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<IEventStore>(Events);
            silo.Services.AddGraphGrains();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Events.DisposeAsync();
        _data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
