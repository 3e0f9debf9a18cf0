using Graph.Abstractions.Organisations;
using Graph.Abstractions.Statements;
using Graph.EventStore;
using Graph.Projection.Model;
using Graph.Projection.Reading;

namespace Graph.Embedded.Tests;

public sealed class EmbeddedGraphReaderTests : IDisposable
{
    private static readonly DateTimeOffset RecordedAt = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly InMemoryGraph _graph = new();
    private readonly EmbeddedGraphReader _reader;
    private long _position;

    public EmbeddedGraphReaderTests()
    {
        _reader = new EmbeddedGraphReader(_graph);
        Project(new OrganisationRegistered("speaker", "Speaker", OrganisationKind.Ngo, ["SPK"], null, []));
        Project(new OrganisationRegistered("target", "Target Corp", OrganisationKind.Company, [], null, []));
        Project(new OrganisationRegistered("model", "Model Corp", OrganisationKind.Company, [], null, []));
        Project(Statement("day", StatementKind.Appeal, "2020-06-12", exemplars: ["model"], quote: "Follow the Model"));
        Project(Statement("month", StatementKind.Criticise, "2020-06", summary: "Too little"));
        Project(Statement("year", StatementKind.Criticise, "2019"));
        Project(Statement("undated", StatementKind.Demand, null));
    }

    public void Dispose() => _graph.Dispose();

    private void Project(Abstractions.Events.GraphEvent @event)
    {
        var stored = new StoredEvent(++_position, "test", 1, @event, RecordedAt);
        Assert.True(_graph.Apply(new GraphBatch(_position - 1, _position, [.. GraphProjection.ToChanges(stored)])));
    }

    private static StatementRecorded Statement(string id, StatementKind kind, string? saidOn, string[]? exemplars = null, string? quote = null, string? summary = "s") =>
        new(id, kind, StatementKinds.DefaultCameoCode(kind), "speaker", null, ["target"], exemplars ?? [], [], [], [], null, quote, summary,
            saidOn is null ? null : PartialDate.Parse(saidOn), [new StatementSource(null, null, "P", null)], null, RecordedAt);

    private async Task<string[]> IdsAsync(StatementFilter filter) =>
        [.. (await _reader.FindStatementsAsync(filter, StatementOrder.SaidOnDescending, 0, 100, StatementParts.All)).Items.Select(s => s.Id)];

    [Fact]
    public async Task Statements_come_newest_first_with_undated_ones_last()
    {
        Assert.Equal(["day", "month", "year", "undated"], await IdsAsync(StatementFilter.All));
    }

    [Fact]
    public async Task A_date_range_matches_statements_whose_date_span_reaches_it()
    {
        Assert.Equal(["day", "month"], await IdsAsync(new StatementFilter(SaidFrom: new DateOnly(2020, 6, 1))));
        Assert.Equal(["month"], await IdsAsync(new StatementFilter(SaidFrom: new DateOnly(2020, 6, 20))));
        Assert.Equal(["year"], await IdsAsync(new StatementFilter(SaidTo: new DateOnly(2019, 12, 31))));
    }

    [Fact]
    public async Task Filters_on_kind_role_exemplars_and_text_combine()
    {
        Assert.Equal(["month", "year"], await IdsAsync(new StatementFilter(Kinds: [StatementKind.Criticise], AddresseeId: "target")));
        Assert.Equal(["day"], await IdsAsync(new StatementFilter(HasExemplar: true)));
        Assert.Equal(["day"], await IdsAsync(new StatementFilter(ExemplarId: "model")));
        Assert.Equal(["month", "year", "undated"], await IdsAsync(new StatementFilter(HasExemplar: false)));
        Assert.Equal(["day"], await IdsAsync(new StatementFilter(Text: "follow the model")));
        Assert.Equal(["month"], await IdsAsync(new StatementFilter(Text: "TOO LITTLE")));
        Assert.Empty(await IdsAsync(new StatementFilter(SpeakerId: "target")));
    }

    [Fact]
    public async Task A_statement_reads_back_with_its_roles_in_order()
    {
        var statement = Assert.Single(await _reader.GetStatementsAsync(["day"]));

        Assert.Equal("speaker", statement.SpeakerId);
        Assert.Equal(["target"], statement.AddresseeIds);
        Assert.Equal(["model"], statement.ExemplarIds);
        Assert.Equal(PartialDate.Parse("2020-06-12"), statement.SaidOn);
        Assert.Equal("P", Assert.Single(statement.Sources).Publisher);
    }

    [Fact]
    public async Task Actors_are_found_by_alias_and_by_part_of_a_name_exact_matches_first()
    {
        Assert.Equal(["speaker"], (await _reader.FindActorsAsync(new ActorSearch("spk", Limit: 10))).Select(a => a.Id));
        Assert.Equal(["model", "target"], (await _reader.FindActorsAsync(new ActorSearch("corp", Limit: 10))).Select(a => a.Id));
        Assert.Equal(["target"], (await _reader.FindActorsAsync(new ActorSearch("target corp", Limit: 10))).Select(a => a.Id));
        Assert.Empty(await _reader.FindActorsAsync(new ActorSearch("corp", Abstractions.Actors.ActorType.Person, Limit: 10)));
    }
}
