using Graph.EventStore;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests;

[Collection(GraphServiceCollection.Name)]
public sealed class RecordingStatementTests(GraphServiceFactory service)
{
    [Fact]
    public async Task The_example_mutation_records_a_criticism_and_creates_the_missing_watchdog()
    {
        var recorded = (await service.PostAsync("""
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
            """)).Data().At("recordStatement.statement");

        Assert.Equal("CRITICISE", recorded.At("kind").GetString());
        Assert.Equal("Example Watchdog", recorded.At("speaker.name").GetString());
        var id = recorded.At("id").GetString();

        var read = (await service.PostAsync("query($id: ID!) { statement(id: $id) { saidOn saidOnPrecision addressees { name } sources { publisher url } speaker { __typename ... on Organisation { kind } } } }", new { id })).Data().At("statement");
        Assert.Equal("2020-06-12", read.At("saidOn").GetString());
        Assert.Equal("DAY", read.At("saidOnPrecision").GetString());
        Assert.Equal(["Amazon"], read.At("addressees").Strings("name"));
        Assert.Equal("https://example.org/a", read.At("sources.0.url").GetString());
        Assert.Equal("OTHER", read.At("speaker.kind").GetString());
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        {
            """mutation { recordStatement(input: { kind: GRUMBLE, speaker: { name: "ACLU" }, summary: "s", sources: [{ publisher: "P" }] }) { statement { id } } }""",
            "ARGUMENTS_OF_CORRECT_TYPE", "GRUMBLE"
        },
        {
            """mutation { recordStatement(input: { kind: APPEAL, summary: "s", sources: [{ publisher: "P" }] }) { statement { id } } }""",
            "ARGUMENTS_OF_CORRECT_TYPE", "speaker"
        },
        {
            """mutation { recordStatement(input: { kind: APPEAL, speaker: { name: "ACLU" }, summary: "s", sources: [] }) { statement { id } } }""",
            "REQUIRED", "input.sources"
        },
        {
            """mutation { recordStatement(input: { kind: APPEAL, speaker: { name: "Nobody We Know" }, summary: "s", sources: [{ publisher: "P" }] }) { statement { id } } }""",
            "UNKNOWN_ACTOR", "input.speaker.name"
        },
        {
            """mutation { recordStatement(input: { kind: APPEAL, speaker: { name: "ACLU" }, addressees: [{ name: "Amazon" }, { name: "Ghost Corp" }], summary: "s", sources: [{ publisher: "P" }], createMissingActors: false }) { statement { id } } }""",
            "UNKNOWN_ACTOR", "input.addressees[1].name"
        },
        {
            """mutation { recordStatement(input: { kind: APPEAL, speaker: { name: "ACLU" }, summary: "s", saidOn: "2020-02-30", sources: [{ publisher: "P" }] }) { statement { id } } }""",
            "INVALID_LITERAL", "February 2020 has 29 days"
        },
        {
            """mutation { recordStatement(input: { kind: APPEAL, speaker: { name: "ACLU" }, summary: "s", saidOn: "2999-01-01", sources: [{ publisher: "P" }] }) { statement { id } } }""",
            "INVALID_DATE", "input.saidOn"
        },
        {
            """mutation { recordStatement(input: { kind: APPEAL, speaker: { name: "ACLU" }, sources: [{ publisher: "P" }] }) { statement { id } } }""",
            "REQUIRED", "input.quote"
        },
        {
            """mutation { recordStatement(input: { kind: APPEAL, speaker: { name: "ACLU" }, quote: "  ", summary: "", sources: [{ publisher: "P" }] }) { statement { id } } }""",
            "REQUIRED", "input.quote"
        },
        {
            """mutation { recordStatement(input: { kind: APPEAL, cameoCode: "111", speaker: { name: "ACLU" }, summary: "s", sources: [{ publisher: "P" }] }) { statement { id } } }""",
            "INVALID_CAMEO_CODE", "input.cameoCode"
        },
        {
            """mutation { recordStatement(input: { kind: APPEAL, speaker: { name: "ACLU" }, summary: "s", sources: [{ title: "only a title" }] }) { statement { id } } }""",
            "REQUIRED", "input.sources[0]"
        },
        {
            """mutation { recordStatement(input: { kind: APPEAL, speaker: { name: "ACLU" }, onBehalfOf: { name: "Nicole Ozer" }, summary: "s", sources: [{ url: "ftp://example.org/x" }] }) { statement { id } } }""",
            "WRONG_ACTOR_TYPE", "input.onBehalfOf.name"
        },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_refused_with_a_code_and_the_field_and_writes_nothing(string mutation, string code, string fieldOrMessage)
    {
        var events = service.Services.GetRequiredService<IEventStore>();
        var countBefore = await CountStatementsAsync();
        var headBefore = events.HeadPosition;

        var response = await service.PostAsync(mutation);

        var errors = response.Errors();
        Assert.Contains(errors, e => e.Code() == code && (e.Field() == fieldOrMessage || e.At("message").GetString()!.Contains(fieldOrMessage, StringComparison.Ordinal)));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.At("message").GetString())));
        Assert.DoesNotContain("   at ", response.ToString(), StringComparison.Ordinal);
        Assert.Equal(headBefore, events.HeadPosition);
        Assert.Equal(countBefore, await CountStatementsAsync());
    }

    [Fact]
    public async Task Every_problem_in_one_input_is_reported_at_once()
    {
        var errors = (await service.PostAsync("""
            mutation { recordStatement(input: { kind: APPEAL, speaker: { name: "Nobody At All" }, saidOn: "2999", sources: [] }) { statement { id } } }
            """)).Errors();

        Assert.Equal(
            ["input.quote", "input.saidOn", "input.sources", "input.speaker.name"],
            errors.Select(e => e.Field()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Recording_the_same_statement_twice_changes_nothing_the_second_time()
    {
        const string mutation = """
            mutation { recordStatement(input: { id: "idempotent-appeal", kind: APPEAL, speaker: { id: "aclu" }, addressees: [{ name: "Microsoft" }], summary: "Asks again.", sources: [{ publisher: "P" }] }) { statement { id } } }
            """;
        (await service.PostAsync(mutation)).Data();
        var head = service.Services.GetRequiredService<IEventStore>().HeadPosition;

        (await service.PostAsync(mutation)).Data();
        var changed = await service.PostAsync(mutation.Replace("Asks again.", "Asks something else.", StringComparison.Ordinal));

        Assert.Equal(head, service.Services.GetRequiredService<IEventStore>().HeadPosition);
        Assert.Equal("ID_TAKEN", Assert.Single(changed.Errors()).Code());
    }

    [Fact]
    public async Task A_retracted_statement_leaves_default_searches_but_stays_on_record()
    {
        var id = (await service.PostAsync("""
            mutation { recordStatement(input: { kind: ACCUSE, speaker: { name: "Retraction Test Speaker" }, addressees: [{ name: "Retraction Test Target" }], summary: "Accuses.", sources: [{ publisher: "P" }], createMissingActors: true }) { statement { id } } }
            """)).Data().At("recordStatement.statement.id").GetString();

        var retracted = (await service.PostAsync("mutation($id: ID!) { retractStatement(input: { id: $id, reason: \"Misattributed.\" }) { statement { retracted retraction { reason } } } }", new { id })).Data();
        var again = await service.PostAsync("mutation($id: ID!) { retractStatement(input: { id: $id }) { statement { id } } }", new { id });
        var search = (await service.PostAsync("""{ a: statements(filter: { speaker: { name: "Retraction Test Speaker" } }) { totalCount } b: statements(filter: { speaker: { name: "Retraction Test Speaker" }, includeRetracted: true }) { totalCount } }""")).Data();

        Assert.True(retracted.At("retractStatement.statement.retracted").GetBoolean());
        Assert.Equal("Misattributed.", retracted.At("retractStatement.statement.retraction.reason").GetString());
        Assert.Equal("ALREADY_RETRACTED", Assert.Single(again.Errors()).Code());
        Assert.Equal(0, search.At("a.totalCount").GetInt32());
        Assert.Equal(1, search.At("b.totalCount").GetInt32());
    }

    private async Task<int> CountStatementsAsync() =>
        (await service.PostAsync("{ statements(filter: { includeRetracted: true }) { totalCount } }")).Data().At("statements.totalCount").GetInt32();
}
