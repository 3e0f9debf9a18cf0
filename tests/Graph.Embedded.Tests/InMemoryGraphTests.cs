using Graph.Projection.Model;

namespace Graph.Embedded.Tests;

public sealed class InMemoryGraphTests : IDisposable
{
    private readonly InMemoryGraph _graph = new();

    public void Dispose() => _graph.Dispose();

    private static NodeUpsert Organisation(string id, string name, long version) =>
        new(id, [NodeLabels.Organisation, NodeLabels.Actor], new Dictionary<string, object?> { ["id"] = id, ["name"] = name }, version);

    [Fact]
    public void A_batch_applies_only_at_its_checkpoint_so_a_repeated_batch_changes_nothing()
    {
        var batch = new GraphBatch(0, 1, [Organisation("a", "A", 1)]);

        Assert.True(_graph.Apply(batch));
        Assert.False(_graph.Apply(batch));
        Assert.False(_graph.Apply(new GraphBatch(5, 6, [Organisation("a", "Stale", 6)])));

        Assert.Equal(1, _graph.Checkpoint);
        Assert.Equal("A", _graph.Read(g => g.Node("a")!.GetString("name")));
    }

    [Fact]
    public void An_older_change_never_overwrites_a_newer_node()
    {
        _graph.Apply(new GraphBatch(0, 2, [Organisation("a", "Newer", 2), Organisation("a", "Older", 1)]));

        Assert.Equal("Newer", _graph.Read(g => g.Node("a")!.GetString("name")));
    }

    [Fact]
    public void A_relationship_to_a_node_that_does_not_exist_is_not_created()
    {
        _graph.Apply(new GraphBatch(0, 2, [
            Organisation("a", "A", 1),
            new RelationshipUpsert(RelationshipTypes.PartOf, "a", "missing", null, new Dictionary<string, object?>()),
        ]));

        Assert.Equal((1, 0), _graph.Count());
    }

    [Fact]
    public void Renaming_an_actor_moves_it_in_the_name_index()
    {
        _graph.Apply(new GraphBatch(0, 1, [Organisation("a", "Old Name", 1)]));
        _graph.Apply(new GraphBatch(1, 2, [new NodeUpsert("a", [NodeLabels.Organisation, NodeLabels.Actor], new Dictionary<string, object?> { ["name"] = "New Name", ["aliases"] = new[] { "NN" } }, 2)]));

        Assert.Empty(_graph.Read(g => g.ActorsNamed("old name")));
        Assert.Single(_graph.Read(g => g.ActorsNamed("new name")));
        Assert.Single(_graph.Read(g => g.ActorsNamed("nn")));
    }

    [Fact]
    public void A_removal_then_a_re_creation_in_one_batch_ends_with_the_relationship()
    {
        var partOf = new RelationshipUpsert(RelationshipTypes.PartOf, "a", "b", null, new Dictionary<string, object?>());
        _graph.Apply(new GraphBatch(0, 3, [Organisation("a", "A", 1), Organisation("b", "B", 2), partOf]));

        _graph.Apply(new GraphBatch(3, 5, [new RelationshipRemoval(RelationshipTypes.PartOf, "a", "b", null), partOf]));

        Assert.Single(_graph.Read(g => g.Node("a")!.Out(RelationshipTypes.PartOf).ToList()));
    }

    [Fact]
    public void A_node_upsert_sets_adds_and_with_null_removes_properties_leaving_the_rest()
    {
        _graph.Apply(new GraphBatch(0, 1, [Organisation("a", "A", 1), Organisation("b", "B", 1)]));
        _graph.Apply(new GraphBatch(1, 2, [new NodeUpsert("a", [NodeLabels.Organisation, NodeLabels.Actor], new Dictionary<string, object?>
        {
            ["name"] = "Renamed",
            ["id"] = null,
            ["kind"] = "NGO",
        }, 2)]));

        Assert.Equal(new Dictionary<string, object?> { ["name"] = "Renamed", ["kind"] = "NGO" }, _graph.Read(g => g.Node("a")!.Properties));
        Assert.Null(_graph.Read(g => g.Node("a")!.Get("id")));
        Assert.Equal(new Dictionary<string, object?> { ["id"] = "b", ["name"] = "B" }, _graph.Read(g => g.Node("b")!.Properties));
    }

    [Fact]
    public void A_relationship_upsert_replaces_its_properties_whole()
    {
        _graph.Apply(new GraphBatch(0, 3, [
            Organisation("a", "A", 1),
            Organisation("b", "B", 2),
            new RelationshipUpsert(RelationshipTypes.AddressedTo, "a", "b", null, new Dictionary<string, object?> { ["ordinal"] = 1L, ["note"] = "x" }),
            new RelationshipUpsert(RelationshipTypes.AddressedTo, "b", "a", null, new Dictionary<string, object?> { ["ordinal"] = 1L }),
        ]));
        _graph.Apply(new GraphBatch(3, 4, [
            new RelationshipUpsert(RelationshipTypes.AddressedTo, "a", "b", null, new Dictionary<string, object?> { ["ordinal"] = 2L, ["note"] = null }),
        ]));

        Assert.Equal(new Dictionary<string, object?> { ["ordinal"] = 2L }, _graph.Read(g => g.Node("a")!.Out(RelationshipTypes.AddressedTo).Single().Properties));
        Assert.Equal(1, _graph.Read(g => g.Node("b")!.Out(RelationshipTypes.AddressedTo).Single().Ordinal));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(100)]
    public void A_node_finds_its_relationships_by_type_however_many_it_has(int count)
    {
        List<GraphChange> changes = [Organisation("hub", "Hub", 1)];
        for (var i = 0; i < count; i++)
        {
            changes.Add(Organisation($"o{i}", $"O{i}", 1));
            changes.Add(new RelationshipUpsert(i % 3 == 0 ? RelationshipTypes.PartOf : RelationshipTypes.AddressedTo, "hub", $"o{i}", null, new Dictionary<string, object?>()));
        }

        _graph.Apply(new GraphBatch(0, 1, changes));
        _graph.Apply(new GraphBatch(1, 2, [new RelationshipRemoval(RelationshipTypes.PartOf, "hub", "o0", null)]));

        var partOf = _graph.Read(g => g.Node("hub")!.Out(RelationshipTypes.PartOf).Select(r => r.To.Id).ToList());
        var addressed = _graph.Read(g => g.Node("hub")!.Out(RelationshipTypes.AddressedTo).Select(r => r.To.Id).ToList());
        Assert.Equal(Enumerable.Range(1, count - 1).Where(i => i % 3 == 0).Select(i => $"o{i}"), partOf);
        Assert.Equal(Enumerable.Range(0, count).Where(i => i % 3 != 0).Select(i => $"o{i}"), addressed);
        Assert.Equal(partOf.Count + addressed.Count, _graph.Read(g => g.Node("hub")!.Outgoing.Count()));
        Assert.Empty(_graph.Read(g => g.Node("o0")!.Incoming.ToList()));
        Assert.Equal(["hub"], _graph.Read(g => g.Node("o1")!.In(RelationshipTypes.AddressedTo).Select(r => r.From.Id).ToList()));
    }
}
