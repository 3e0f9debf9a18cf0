using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Graph.Api.Tests;

/// <summary>When the event log cannot be written, a mutation says so at once and readiness reports it.</summary>
public sealed class EventLogFailureTests
{
    [Fact]
    public async Task A_mutation_the_log_cannot_take_fails_with_WRITE_FAILED_and_readiness_turns_unhealthy_until_it_can()
    {
        await using var service = new GraphServiceFactory();
        using var client = service.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Refuse(service.EventStorePath, true);

        var error = Assert.Single((await service.PostAsync(Create("log-refused"))).Errors());
        using var unready = await client.GetAsync("/health/ready");
        var report = await unready.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("WRITE_FAILED", error.Code());
        Assert.Contains("nothing was recorded", error.At("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unready.StatusCode);
        Assert.Equal("Unhealthy", report.At("status").GetString());
        Assert.False(report.At("checks.event-log.data.writable").GetBoolean());
        Assert.True(report.At("checks.projection.data.lagEvents").GetInt64() >= 0);
        Assert.Equal(JsonValueKind.Null, (await service.PostAsync("""{ actor(id: "log-refused") { name } }""")).Data().At("actor").ValueKind);

        Refuse(service.EventStorePath, false);
        (await service.PostAsync(Create("log-refused"))).Data();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    private static string Create(string id) =>
        $$"""mutation { createOrganisation(input: { id: "{{id}}", name: "Refused Org", kind: NGO }) { organisation { id } } }""";

    private static void Refuse(string path, bool refuse)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = refuse
            ? "CREATE TRIGGER refuse_inserts BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'disk full, as far as the test is concerned'); END;"
            : "DROP TRIGGER refuse_inserts;";
        command.ExecuteNonQuery();
    }
}
