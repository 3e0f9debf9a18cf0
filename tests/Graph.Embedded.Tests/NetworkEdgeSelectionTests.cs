using Graph.Projection.Reading;

namespace Graph.Embedded.Tests;

/// <summary>
/// The selection of a neighbourhood's edges, which both stores use, against the plain statement of its rule: each edge
/// once, those touching the centre first, then by id, at most the limit, in order of id.
/// </summary>
public sealed class NetworkEdgeSelectionTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(60)]
    [InlineData(500)]
    public void Keeps_the_edges_touching_the_centre_first_then_by_id_each_once(int limit)
    {
        var random = new Random(limit);
        var query = new NeighbourhoodQuery("centre", EdgeLimit: limit);
        // Ends drawn from a few actors and ids from a small range, so duplicates (one edge seen from both of its ends)
        // and edges given up and offered again both happen.
        var actors = new[] { "centre", "a", "b", "c", "d" };
        var offered = Enumerable.Range(0, 400)
            .Select(_ => (Id: $"e{random.Next(150):D3}", Source: actors[random.Next(actors.Length)], Target: actors[random.Next(actors.Length)]))
            .Select(e => (e.Id, e.Source, Target: e.Source == e.Target ? "d" : e.Target))
            .ToList();
        // One edge has one pair of ends: the first drawn for its id.
        var edges = offered.Select(e => offered.First(o => o.Id == e.Id)).ToList();

        var expected = edges.DistinctBy(e => e.Id)
            .OrderBy(e => e.Source == "centre" || e.Target == "centre" ? 0 : 1).ThenBy(e => e.Id, StringComparer.Ordinal)
            .Take(limit)
            .Select(e => e.Id)
            .Order(StringComparer.Ordinal)
            .ToList();

        var selection = query.SelectEdges<string>();
        foreach (var (id, source, target) in edges)
        {
            selection.Offer(id, id, touchesCentre: source == "centre" || target == "centre");
        }

        Assert.Equal(expected, selection.Kept());
        Assert.Equal(edges.DistinctBy(e => e.Id).Count() > limit, selection.Truncated);
        Assert.Equal(limit - expected.Count, selection.Room);
    }

    [Fact]
    public void An_edge_offered_twice_is_held_once_and_cuts_nothing()
    {
        var selection = new NeighbourhoodQuery("centre", EdgeLimit: 2).SelectEdges<string>();

        selection.Offer("x", "x", touchesCentre: true);
        selection.Offer("y", "y", touchesCentre: false);
        selection.Offer("x", "x", touchesCentre: true);

        Assert.Equal(["x", "y"], selection.Kept());
        Assert.False(selection.Truncated);
    }
}
