using Graph.Abstractions.Statements;
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

    [Fact]
    public async Task The_same_statement_sent_twice_without_an_id_is_recorded_once()
    {
        const string Mutation = """
            mutation {
              recordStatement(input: {
                kind: CRITICISE
                speaker: { name: "Amazon" }
                addressees: [{ name: "Microsoft" }]
                summary: "Sent twice by a client that retried."
                sources: [{ publisher: "Idempotence Gazette" }]
              }) { statement { id } }
            }
            """;
        var events = service.Services.GetRequiredService<IEventStore>();

        var first = (await service.PostAsync(Mutation)).Data().At("recordStatement.statement.id").GetString()!;
        var head = events.HeadPosition;
        var second = (await service.PostAsync(Mutation)).Data().At("recordStatement.statement.id").GetString()!;
        var found = (await service.PostAsync("""{ statements(filter: { text: "Sent twice by a client" }) { totalCount } }""")).Data();

        Assert.Equal(first, second);
        Assert.StartsWith("s-", first, StringComparison.Ordinal);
        Assert.Equal(head, events.HeadPosition);
        Assert.Equal(1, found.At("statements.totalCount").GetInt32());
    }

    [Fact]
    public async Task A_corrected_statement_keeps_its_id_and_history_and_the_log_says_who_changed_what()
    {
        var events = service.Services.GetRequiredService<IEventStore>();
        (await service.PostAsync("""
            mutation {
              recordStatement(input: {
                id: "correction-test", kind: SUPPORT, speaker: { name: "Correction Watch" }, addressees: [{ name: "Microsoft" }]
                summary: "Miscoded as support of Microsoft.", saidOn: "2020-06", sources: [{ publisher: "Correction Times" }]
                createMissingActors: true
              }) { statement { id } }
            }
            """)).Data();

        var corrected = (await service.PostAsync("""
            mutation {
              updateStatement(input: {
                id: "correction-test", kind: CRITICISE, addressees: [{ name: "Amazon" }], reason: "It criticised Amazon, not Microsoft."
              }) { statement { id kind cameoCode summary saidOn addressees { id } speaker { name } recordedAt } }
            }
            """)).Data().At("updateStatement.statement");
        var network = (await service.PostAsync("""
            {
              microsoft: neighbourhood(actor: { id: "microsoft" }, roles: [ADDRESSEE]) { edges { statementId } }
              amazon: neighbourhood(actor: { id: "amazon" }, kinds: [CRITICISE], roles: [ADDRESSEE]) { edges { statementId type } }
            }
            """)).Data();
        var history = await events.ReadStreamAsync("statement-correction-test");
        var unknown = Assert.Single((await service.PostAsync("""mutation { updateStatement(input: { id: "no-such-statement", kind: DENY }) { statement { id } } }""")).Errors());
        var invalid = (await service.PostAsync("""mutation { updateStatement(input: { id: "correction-test", cameoCode: "051", quote: "" }) { statement { id } } }""")).Errors();
        var after = (await service.PostAsync("""{ statement(id: "correction-test") { kind } }""")).Data();

        Assert.Equal(("correction-test", "CRITICISE", "111"), (corrected.At("id").GetString(), corrected.At("kind").GetString(), corrected.At("cameoCode").GetString()));
        Assert.Equal(("Miscoded as support of Microsoft.", "2020-06", "Correction Watch"), (corrected.At("summary").GetString(), corrected.At("saidOn").GetString(), corrected.At("speaker.name").GetString()));
        Assert.Equal(["amazon"], corrected.At("addressees").Strings("id"));
        Assert.DoesNotContain("correction-test", network.At("microsoft.edges").Strings("statementId"));
        Assert.Contains(network.At("amazon.edges").EnumerateArray(), e => e.At("statementId").GetString() == "correction-test" && e.At("type").GetString() == "CRITICISED");
        Assert.Equal(2, history.Count);
        var correction = Assert.IsType<StatementCorrected>(history[1].Event);
        Assert.Equal((StatementKind.Support, StatementKind.Criticise), (correction.Previous.Kind, correction.Corrected.Kind));
        Assert.Equal(("It criticised Amazon, not Microsoft.", "local"), (correction.Reason, correction.CorrectedBy));
        Assert.Equal(correction.Previous.RecordedAt, correction.Corrected.RecordedAt);
        Assert.Equal(("NOT_FOUND", "input.id"), (unknown.Code(), unknown.Field()));
        Assert.Contains(invalid, e => e.Field() == "input.cameoCode");
        Assert.Equal("CRITICISE", after.At("statement.kind").GetString());
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
