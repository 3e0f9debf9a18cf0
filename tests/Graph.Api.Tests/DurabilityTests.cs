using Graph.Testing;

namespace Graph.Api.Tests;

public sealed class DurabilityTests
{
    [Fact]
    public async Task A_statement_acknowledged_just_before_kill_9_is_there_after_a_restart()
    {
        using var data = new ScratchDirectory();
        string? id;
        await using (var service = await ServiceProcess.StartAsync(data.Path))
        {
            id = (await service.PostAsync("""
                mutation {
                  recordStatement(input: {
                    kind: CRITICISE
                    speaker: { name: "Example Watchdog" }
                    addressees: [{ name: "Amazon" }]
                    summary: "Says the moratorium is too short."
                    saidOn: "2020-06-12"
                    sources: [{ publisher: "Example Times", url: "https://example.org/a" }]
                    createMissingActors: true
                  }) { statement { id kind speaker { name } } }
                }
                """)).Data().At("recordStatement.statement.id").GetString();
            await service.KillAsync();
        }

        await using var restarted = await ServiceProcess.StartAsync(data.Path);
        var statement = (await restarted.PostAsync("query($id: ID!) { statement(id: $id) { summary speaker { name } addressees { name } } }", new { id })).Data().At("statement");

        Assert.Equal("Says the moratorium is too short.", statement.At("summary").GetString());
        Assert.Equal("Example Watchdog", statement.At("speaker.name").GetString());
        Assert.Equal(["Amazon"], statement.At("addressees").Strings("name"));
        Assert.True(File.Exists(Path.Combine(data.Path, "data", "events.db")), "The event log is under ./data in the working directory.");
    }

    [Fact]
    public async Task A_request_in_flight_when_the_service_is_told_to_stop_gets_its_answer_before_it_exits()
    {
        // A request that takes four seconds (it waits for a log position the graph will not reach), and SIGTERM a second
        // into it: the host drains it before it stops. (System.CommandLine used to end the process two seconds after the
        // signal, cutting every stop short: the request, a silo leaving its cluster, a projector giving its lease up.)
        using var data = new ScratchDirectory();
        await using var service = await ServiceProcess.StartAsync(data.Path, "--Projection:ReadYourWritesTimeout=00:00:04");
        var answer = service.PostAsync("{ actors(first: 1) { id } }", consistencyToken: "999999999");
        await Task.Delay(TimeSpan.FromSeconds(1));
        await service.TerminateAsync();

        var body = await answer;
        Assert.Equal("CONSISTENCY_TIMEOUT", body.GetProperty("errors")[0].At("extensions.code").GetString());
        Assert.Equal(0, await service.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Sample_data_is_loaded_once_and_can_be_switched_off()
    {
        using var loaded = new ScratchDirectory();
        using var empty = new ScratchDirectory();
        int first, second, none;
        await using (var service = await ServiceProcess.StartAsync(loaded.Path))
        {
            first = await CountAsync(service);
        }

        await using (var service = await ServiceProcess.StartAsync(loaded.Path))
        {
            second = await CountAsync(service);
        }

        await using (var service = await ServiceProcess.StartAsync(empty.Path, "--Graph:LoadSampleData=false"))
        {
            none = await CountAsync(service);
        }

        Assert.Equal(20, first);
        Assert.Equal(first, second);
        Assert.Equal(0, none);
    }

    private static async Task<int> CountAsync(ServiceProcess service) =>
        (await service.PostAsync("{ statements(filter: { includeRetracted: true }) { totalCount } }")).Data().At("statements.totalCount").GetInt32();
}
