using Graph.Abstractions.Actors;
using Graph.Abstractions.Commands;
using Graph.Abstractions.Organisations;

namespace Graph.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class OrganisationGrainTests(ClusterFixture fixture)
{
    private static CreateOrganisation Create(string id, string name, params string[] aliases) =>
        new(id, name, OrganisationKind.Company, aliases, null, []);

    [Fact]
    public async Task Registering_the_same_organisation_twice_writes_it_once()
    {
        var grain = fixture.Client.GetGrain<IOrganisationGrain>("org-idempotent");
        var first = await grain.CreateAsync(Create("org-idempotent", "Idempotent Org", "IO"));
        var head = fixture.Events.HeadPosition;

        var second = await grain.CreateAsync(Create("org-idempotent", "Idempotent Org", "IO"));

        Assert.Equal(first.Position, second.Position);
        Assert.Equal(head, fixture.Events.HeadPosition);
    }

    [Fact]
    public async Task A_different_organisation_under_a_taken_id_is_refused()
    {
        var grain = fixture.Client.GetGrain<IOrganisationGrain>("org-taken");
        await grain.CreateAsync(Create("org-taken", "Taken Org"));

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => grain.CreateAsync(Create("org-taken", "Another Name")));

        Assert.Equal(ProblemCodes.IdTaken, Assert.Single(refused.Problems).Code);
        Assert.Equal("Taken Org", (await grain.GetAsync())!.Name);
    }

    [Theory]
    [InlineData("\u200B\u200B\u200B", "has no visible characters")]
    [InlineData("Acme\nCorp", "contains a control character (U+000A); a name is one line of text")]
    [InlineData("Acme\u202Eproc", "contains a character that reorders the text around it (U+202E)")]
    [InlineData("Acme\u2066Corp\u2069", "contains a character that reorders the text around it (U+2066)")]
    public async Task A_name_that_would_read_as_another_or_as_nothing_is_refused(string name, string reason)
    {
        var id = $"org-unfit-{(uint)name.GetHashCode(StringComparison.Ordinal)}";

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => fixture.Client.GetGrain<IOrganisationGrain>(id).CreateAsync(Create(id, name)));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal((ProblemCodes.InvalidValue, "name", $"The name {reason}."), (problem.Code, problem.Path, problem.Message));
        Assert.Null(await fixture.Client.GetGrain<IOrganisationGrain>(id).GetAsync());
    }

    [Fact]
    public async Task Names_and_aliases_are_kept_in_NFKC_trimmed_with_single_spaces()
    {
        var grain = fixture.Client.GetGrain<IOrganisationGrain>("org-cleaned");

        await grain.CreateAsync(Create("org-cleaned", "  Ｆｕｌｌ\u3000Width \t  Org ", " Ｆ Ｗ  Ｏ "));

        var organisation = (await grain.GetAsync())!;
        Assert.Equal(("Full Width Org", "F W O"), (organisation.Name, Assert.Single(organisation.Aliases)));
    }

    [Fact]
    public async Task More_aliases_than_the_limit_are_refused_and_the_limit_itself_is_accepted()
    {
        var aliases = Enumerable.Range(0, 51).Select(i => $"Many Alias {i}").ToArray();

        var refused = await Assert.ThrowsAsync<InvalidInputException>(
            () => fixture.Client.GetGrain<IOrganisationGrain>("org-many-aliases").CreateAsync(Create("org-many-aliases", "Many Aliases Org", aliases)));
        var accepted = await fixture.Client.GetGrain<IOrganisationGrain>("org-many-aliases").CreateAsync(Create("org-many-aliases", "Many Aliases Org", aliases[..50]));

        Assert.Contains("51 aliases are given; at most 50 are allowed", Assert.Single(refused.Problems).Message, StringComparison.Ordinal);
        Assert.True(accepted.Changed);
    }

    [Fact]
    public async Task Two_organisations_made_parts_of_each_other_at_once_never_both_succeed()
    {
        var accepted = 0;
        for (var round = 0; round < 20; round++)
        {
            var (a, b) = ($"org-cycle-{round}-a", $"org-cycle-{round}-b");
            await fixture.Client.GetGrain<IOrganisationGrain>(a).CreateAsync(Create(a, $"Cycle {round} A"));
            await fixture.Client.GetGrain<IOrganisationGrain>(b).CreateAsync(Create(b, $"Cycle {round} B"));

            var outcomes = await Task.WhenAll(
                SucceedsAsync(fixture.Client.GetGrain<IOrganisationGrain>(a).UpdateAsync(new UpdateOrganisation(a, Parent: new ActorReference(b, null)))),
                SucceedsAsync(fixture.Client.GetGrain<IOrganisationGrain>(b).UpdateAsync(new UpdateOrganisation(b, Parent: new ActorReference(a, null)))));

            accepted += outcomes.Count(won => won) > 1 ? 1 : 0;
            Assert.Contains(outcomes, won => won);
            Assert.False(
                (await fixture.Client.GetGrain<IOrganisationGrain>(a).GetAsync())!.ParentId == b
                && (await fixture.Client.GetGrain<IOrganisationGrain>(b).GetAsync())!.ParentId == a,
                $"round {round} left {a} and {b} parts of each other");
        }

        Assert.Equal(0, accepted);
    }

    private static async Task<bool> SucceedsAsync(Task<WriteReceipt> write)
    {
        try
        {
            await write;
            return true;
        }
        catch (InvalidInputException refused) when (refused.Problems.All(p => p.Code == ProblemCodes.Cycle))
        {
            return false;
        }
    }

    [Fact]
    public async Task Of_two_organisations_racing_for_one_name_exactly_one_gets_it()
    {
        var attempts = Enumerable.Range(0, 8)
            .Select(i => fixture.Client.GetGrain<IOrganisationGrain>($"org-race-{i}").CreateAsync(Create($"org-race-{i}", "Raced Name")))
            .Select(async task =>
            {
                try
                {
                    await task;
                    return true;
                }
                catch (InvalidInputException refused) when (refused.Problems.All(p => p.Code == ProblemCodes.NameTaken))
                {
                    return false;
                }
            });

        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, won => won);
    }

    [Fact]
    public async Task An_organisation_is_rebuilt_from_its_events_when_reactivated()
    {
        var grain = fixture.Client.GetGrain<IOrganisationGrain>("org-reload");
        await grain.CreateAsync(Create("org-reload", "Reload Org", "RO"));
        await grain.UpdateAsync(new UpdateOrganisation("org-reload", Name: "Reloaded Org", Kind: OrganisationKind.Media, ExternalIds: [new ExternalId("Wikidata", "Q42")]));

        await fixture.Cluster.DeactivateAsync(grain);
        var reloaded = await fixture.Client.GetGrain<IOrganisationGrain>("org-reload").GetAsync();

        Assert.NotNull(reloaded);
        Assert.Equal("Reloaded Org", reloaded.Name);
        Assert.Equal(OrganisationKind.Media, reloaded.Kind);
        Assert.Equal(["RO"], reloaded.Aliases);
        Assert.Equal(new ExternalId("wikidata", "Q42"), Assert.Single(reloaded.ExternalIds));
    }

    [Fact]
    public async Task A_write_racing_another_writer_of_the_same_stream_is_refused_and_then_sees_its_change()
    {
        var grain = fixture.Client.GetGrain<IOrganisationGrain>("org-conflict");
        await grain.CreateAsync(Create("org-conflict", "Conflict Org"));
        // Another activation (in another process, say) renames the organisation behind this grain's back.
        var behind = await fixture.Events.AppendAsync("organisation-org-conflict", 1, [new OrganisationRenamed("org-conflict", "Renamed Elsewhere", "Conflict Org")]);
        Assert.True(behind.Succeeded);
        var head = fixture.Events.HeadPosition;

        var conflict = await Assert.ThrowsAsync<InvalidInputException>(() => grain.UpdateAsync(new UpdateOrganisation("org-conflict", Kind: OrganisationKind.Ngo)));

        Assert.Equal(ProblemCodes.Conflict, Assert.Single(conflict.Problems).Code);
        Assert.Equal(head, fixture.Events.HeadPosition);
        Assert.Equal("Renamed Elsewhere", (await grain.GetAsync())!.Name);
        await grain.UpdateAsync(new UpdateOrganisation("org-conflict", Kind: OrganisationKind.Ngo));
        Assert.Equal(OrganisationKind.Ngo, (await grain.GetAsync())!.Kind);
    }

    [Fact]
    public async Task A_parent_named_but_unknown_is_created_only_when_allowed()
    {
        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => fixture.Client.GetGrain<IOrganisationGrain>("org-child-a")
            .CreateAsync(Create("org-child-a", "Child A") with { Parent = ActorReference.ByName("Unknown Parent Org") }));
        var created = await fixture.Client.GetGrain<IOrganisationGrain>("org-child-b")
            .CreateAsync(Create("org-child-b", "Child B") with { Parent = ActorReference.ByName("Unknown Parent Org"), CreateMissingActors = true });

        Assert.Equal(("UNKNOWN_ACTOR", "parent.name"), (refused.Problems[0].Code, refused.Problems[0].Path));
        Assert.Null(await fixture.Client.GetGrain<IOrganisationGrain>("org-child-a").GetAsync());
        var parent = Assert.Single(created.CreatedActors);
        Assert.Equal(ActorType.Organisation, parent.Type);
        Assert.Equal(parent.Id, (await fixture.Client.GetGrain<IOrganisationGrain>("org-child-b").GetAsync())!.ParentId);
    }
}
