namespace Graph.Api.Tests;

[Collection(GraphServiceCollection.Name)]
public sealed class ActorWriteTests(GraphServiceFactory service)
{
    [Fact]
    public async Task A_new_organisation_is_readable_as_soon_as_the_mutation_answers()
    {
        var created = (await service.PostAsync("""
            mutation { createOrganisation(input: { id: "write-test-parent", name: "Write Test Parent", kind: NGO, aliases: ["WTP"], externalIds: [{ scheme: "wikidata", value: "Q1" }] }) { organisation { id name aliases kind externalIds { scheme value } } } }
            """)).Data().At("createOrganisation.organisation");
        var child = (await service.PostAsync("""
            mutation { createOrganisation(input: { name: "Write Test Chapter", kind: NGO, parent: { name: "wtp" } }) { organisation { id parent { id } } } }
            """)).Data().At("createOrganisation.organisation");
        var read = (await service.PostAsync("""{ organisation(id: "write-test-parent") { parts { name } } }""")).Data();

        Assert.Equal(["WTP"], created.At("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("Q1", created.At("externalIds.0.value").GetString());
        Assert.Equal("write-test-parent", child.At("parent.id").GetString());
        Assert.Equal(["Write Test Chapter"], read.At("organisation.parts").Strings("name"));
    }

    [Fact]
    public async Task A_name_or_alias_belongs_to_one_actor_only()
    {
        var byName = await service.PostAsync("""mutation { createOrganisation(input: { name: "amazon", kind: COMPANY }) { organisation { id } } }""");
        var byAlias = await service.PostAsync("""mutation { createPerson(input: { name: "Name Clash Person", aliases: ["ACLU"] }) { person { id } } }""");

        Assert.Equal(("NAME_TAKEN", "input.name"), (Assert.Single(byName.Errors()).Code(), byName.Errors()[0].Field()));
        Assert.Equal(("NAME_TAKEN", "input.aliases[0]"), (Assert.Single(byAlias.Errors()).Code(), byAlias.Errors()[0].Field()));
    }

    [Fact]
    public async Task Renaming_frees_the_old_name_for_others()
    {
        (await service.PostAsync("""mutation { createOrganisation(input: { id: "rename-test", name: "Rename Test Old", kind: MEDIA }) { organisation { id } } }""")).Data();
        var renamed = (await service.PostAsync("""mutation { updateOrganisation(input: { id: "rename-test", name: "Rename Test New" }) { organisation { name } } }""")).Data();
        var reused = await service.PostAsync("""mutation { createPerson(input: { name: "Rename Test Old" }) { person { name } } }""");

        Assert.Equal("Rename Test New", renamed.At("updateOrganisation.organisation.name").GetString());
        Assert.Equal("Rename Test Old", reused.Data().At("createPerson.person.name").GetString());
    }

    [Fact]
    public async Task An_organisation_cannot_become_part_of_its_own_part()
    {
        (await service.PostAsync("""mutation { createOrganisation(input: { id: "cycle-top", name: "Cycle Top", kind: OTHER }) { organisation { id } } }""")).Data();
        (await service.PostAsync("""mutation { createOrganisation(input: { id: "cycle-bottom", name: "Cycle Bottom", kind: OTHER, parent: { id: "cycle-top" } }) { organisation { id } } }""")).Data();

        var cycle = await service.PostAsync("""mutation { updateOrganisation(input: { id: "cycle-top", parent: { id: "cycle-bottom" } }) { organisation { id } } }""");

        Assert.Equal(("CYCLE", "input.parent"), (Assert.Single(cycle.Errors()).Code(), cycle.Errors()[0].Field()));
    }

    [Fact]
    public async Task A_person_is_affiliated_and_later_moves_organisation()
    {
        (await service.PostAsync("""mutation { createOrganisation(input: { id: "move-from", name: "Move From Org", kind: COMPANY }) { organisation { id } } }""")).Data();
        var created = (await service.PostAsync("""
            mutation { createPerson(input: { id: "mover", name: "Mover Person", affiliations: [{ organisation: { id: "move-from" }, role: "Analyst", from: "2018" }] }) { person { affiliations { organisation { name } role from to } } } }
            """)).Data().At("createPerson.person.affiliations");
        var moved = (await service.PostAsync("""
            mutation { updatePerson(input: { id: "mover", affiliations: [{ organisation: { id: "move-from" }, role: "Analyst", from: "2018", to: "2020-05" }, { organisation: { name: "Move To Org" }, role: "Director", from: "2020-06" }], createMissingActors: true }) { person { affiliations { organisation { name } role from to } } createdActors { name } } }
            """)).Data().At("updatePerson");
        var badDates = await service.PostAsync("""
            mutation { updatePerson(input: { id: "mover", affiliations: [{ organisation: { id: "move-from" }, from: "2021", to: "2020" }] }) { person { id } } }
            """);

        Assert.Equal("Analyst", created.At("0.role").GetString());
        Assert.Equal(["Move From Org", "Move To Org"], moved.At("person.affiliations").EnumerateArray().Select(a => a.At("organisation.name").GetString()));
        Assert.Equal("2020-05", moved.At("person.affiliations.0.to").GetString());
        Assert.Equal(["Move To Org"], moved.At("createdActors").Strings("name"));
        Assert.Equal("INVALID_DATE", Assert.Single(badDates.Errors()).Code());
    }
}
