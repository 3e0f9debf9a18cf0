namespace Graph.Api.Tests;

[Collection(GraphServiceCollection.Name)]
public sealed class HeadlineQuestionTests(GraphServiceFactory service)
{
    private const string WhoUrgedWhomToFollowWhom = """
        query WhoUrgedWhomToFollowWhom {
          statements(filter: { kinds: [APPEAL], hasExemplar: true }) {
            totalCount
            nodes { kind speaker { name } addressees { name } exemplars { name } saidOn sources { publisher url } }
          }
        }
        """;

    [Fact]
    public async Task The_sample_data_answers_who_urged_which_company_to_follow_whom()
    {
        var statements = (await service.PostAsync(WhoUrgedWhomToFollowWhom)).Data().At("statements");

        var appeal = Assert.Single(statements.At("nodes").EnumerateArray());
        Assert.True(statements.At("totalCount").GetInt32() >= 1);
        Assert.Equal("APPEAL", appeal.At("kind").GetString());
        Assert.Equal("American Civil Liberties Union", appeal.At("speaker.name").GetString());
        Assert.Equal(["Microsoft"], appeal.At("addressees").Strings("name"));
        Assert.Equal(["IBM", "Amazon"], appeal.At("exemplars").Strings("name"));
        Assert.Equal("2020-06", appeal.At("saidOn").GetString());
        Assert.Equal(["GeekWire"], appeal.At("sources").Strings("publisher"));
    }

    [Fact]
    public async Task Who_has_criticised_Amazon_since_June_2020_finds_Nicole_Ozer_for_the_ACLU_of_Northern_California()
    {
        var data = (await service.PostAsync("""
            {
              statements(filter: { kinds: [CRITICISE], addressee: { name: "Amazon" }, saidFrom: "2020-06" }) {
                nodes { id speaker { name } onBehalfOf { name } quote }
              }
            }
            """)).Data();

        var nodes = data.At("statements.nodes").EnumerateArray().ToList();
        var ozer = Assert.Single(nodes, n => n.At("id").GetString() == "ozer-threat-will-not-disappear");
        Assert.Equal("Nicole Ozer", ozer.At("speaker.name").GetString());
        Assert.Equal("ACLU of Northern California", ozer.At("onBehalfOf.name").GetString());
        Assert.StartsWith("This surveillance technology", ozer.At("quote").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_actor_is_found_by_an_alias_and_shows_its_parent_and_members()
    {
        var actors = (await service.PostAsync("""
            { actors(name: "aclu norcal") { __typename id name ... on Organisation { kind parent { name } members { person { name } role } } } }
            """)).Data().At("actors");

        var norCal = Assert.Single(actors.EnumerateArray());
        Assert.Equal("Organisation", norCal.At("__typename").GetString());
        Assert.Equal("ACLU of Northern California", norCal.At("name").GetString());
        Assert.Equal("NGO", norCal.At("kind").GetString());
        Assert.Equal("American Civil Liberties Union", norCal.At("parent.name").GetString());
        Assert.Equal("Nicole Ozer", norCal.At("members.0.person.name").GetString());
    }

    [Fact]
    public async Task Statements_page_with_cursors_and_count_every_match()
    {
        var first = (await service.PostAsync("""{ statements(filter: { speaker: { id: "nicole-ozer" } }, first: 2) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }""")).Data().At("statements");
        var total = first.At("totalCount").GetInt32();
        var seen = first.At("edges").EnumerateArray().Select(e => e.At("node.id").GetString()).ToList();
        var after = first.At("pageInfo.endCursor").GetString();
        while (true)
        {
            var page = (await service.PostAsync("query($after: String) { statements(filter: { speaker: { id: \"nicole-ozer\" } }, first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }", new { after })).Data().At("statements");
            seen.AddRange(page.At("edges").EnumerateArray().Select(e => e.At("node.id").GetString()));
            if (!page.At("pageInfo.hasNextPage").GetBoolean())
            {
                break;
            }

            after = page.At("pageInfo.endCursor").GetString();
        }

        Assert.Equal(5, total);
        Assert.Equal(total, seen.Distinct().Count());
        Assert.True(first.At("pageInfo.hasNextPage").GetBoolean());
    }
}
