using Graph.Abstractions.Actors;
using Graph.Abstractions.Commands;
using Graph.Abstractions.Organisations;
using Graph.Abstractions.People;
using Graph.Abstractions.Statements;

namespace Graph.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class StatementGrainTests(ClusterFixture fixture)
{
    private static RecordStatement Appeal(string id, ActorReference speaker, params ActorReference[] addressees) => new(
        id, StatementKind.Appeal, null, speaker, null, addressees, [], [], [], ["testing"], null, null, "Asks for something.",
        PartialDate.Parse("2020-06"), [new StatementSource(null, null, "Test Publisher", null)], null);

    [Fact]
    public async Task A_statement_naming_unknown_actors_is_refused_whole_and_writes_nothing()
    {
        await fixture.Client.GetGrain<IOrganisationGrain>("st-known").CreateAsync(new CreateOrganisation("st-known", "Statement Known Org", OrganisationKind.Ngo, [], null, []));
        var head = fixture.Events.HeadPosition;

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => fixture.Client.GetGrain<IStatementGrain>("st-unknown")
            .RecordAsync(Appeal("st-unknown", ActorReference.ByName("Statement Known Org"), ActorReference.ByName("Nobody Statement"), ActorReference.ById("no-such-id"))));

        Assert.Equal(
            [("UNKNOWN_ACTOR", "addressees[0].name"), ("UNKNOWN_ACTOR", "addressees[1].id")],
            refused.Problems.Select(p => (p.Code, p.Path)));
        Assert.Equal(head, fixture.Events.HeadPosition);
        Assert.Null(await fixture.Client.GetGrain<IStatementGrain>("st-unknown").GetAsync());
    }

    [Fact]
    public async Task Missing_actors_named_twice_are_created_once_with_the_type_asked_for()
    {
        var receipt = await fixture.Client.GetGrain<IStatementGrain>("st-create").RecordAsync(Appeal(
            "st-create",
            ActorReference.ByName("Created Speaker Person", ActorType.Person),
            ActorReference.ByName("Created Addressee Org"),
            ActorReference.ByName("created addressee ORG")) with { CreateMissingActors = true });

        Assert.Equal(2, receipt.CreatedActors.Length);
        var speaker = Assert.Single(receipt.CreatedActors, a => a.Type == ActorType.Person);
        var recorded = (await fixture.Client.GetGrain<IStatementGrain>("st-create").GetAsync())!.Recorded;
        Assert.Equal(speaker.Id, recorded.SpeakerId);
        Assert.Single(recorded.AddresseeIds);
        Assert.Equal("Created Speaker Person", (await fixture.Client.GetGrain<IPersonGrain>(speaker.Id).GetAsync())!.Name);
    }

    [Fact]
    public async Task A_statement_may_respond_only_to_a_recorded_statement()
    {
        await fixture.Client.GetGrain<IOrganisationGrain>("st-responder").CreateAsync(new CreateOrganisation("st-responder", "Statement Responder", OrganisationKind.Company, [], null, []));
        var speaker = ActorReference.ById("st-responder");
        await fixture.Client.GetGrain<IStatementGrain>("st-original").RecordAsync(Appeal("st-original", speaker));

        var answered = await fixture.Client.GetGrain<IStatementGrain>("st-answer").RecordAsync(Appeal("st-answer", speaker) with { Kind = StatementKind.Reject, RespondsTo = "st-original" });
        var dangling = await Assert.ThrowsAsync<InvalidInputException>(() => fixture.Client.GetGrain<IStatementGrain>("st-dangling")
            .RecordAsync(Appeal("st-dangling", speaker) with { RespondsTo = "st-never-recorded" }));

        Assert.Equal("st-answer", answered.Id);
        Assert.Equal("120", (await fixture.Client.GetGrain<IStatementGrain>("st-answer").GetAsync())!.Recorded.CameoCode);
        Assert.Equal((ProblemCodes.UnknownStatement, "respondsTo"), (dangling.Problems[0].Code, dangling.Problems[0].Path));
    }

    [Fact]
    public async Task A_statement_survives_reactivation_with_its_retraction()
    {
        await fixture.Client.GetGrain<IOrganisationGrain>("st-retractor").CreateAsync(new CreateOrganisation("st-retractor", "Statement Retractor", OrganisationKind.Company, [], null, []));
        var grain = fixture.Client.GetGrain<IStatementGrain>("st-retracted");
        await grain.RecordAsync(Appeal("st-retracted", ActorReference.ById("st-retractor")));
        await grain.RetractAsync("Wrong speaker.");

        await fixture.Cluster.DeactivateAsync(grain);
        var snapshot = await fixture.Client.GetGrain<IStatementGrain>("st-retracted").GetAsync();

        Assert.Equal("Wrong speaker.", snapshot!.Retraction!.Reason);
        Assert.Equal("st-retractor", snapshot.Recorded.SpeakerId);
    }
}
