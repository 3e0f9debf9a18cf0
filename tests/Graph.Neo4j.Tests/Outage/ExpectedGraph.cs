using Graph.Embedded;
using Graph.EventStore;
using Graph.Projection.Model;

namespace Graph.Neo4j.Tests.Outage;

/// <summary>What a graph projected from a log must hold: the same log projected into the embedded graph in one batch.</summary>
internal static class ExpectedGraph
{
    public static async Task<InMemoryGraph> FromAsync(IEventStore events)
    {
        var log = await events.ReadAllAsync(0, int.MaxValue);
        var graph = new InMemoryGraph();
        Assert.True(graph.Apply(new GraphBatch(0, log[^1].Position, [.. log.SelectMany(GraphProjection.ToChanges)])));
        return graph;
    }

    /// <summary>Every node of the model's labels, once.</summary>
    public static IEnumerable<GraphNode> Nodes(InMemoryGraph graph) => NodeLabels.All.SelectMany(graph.NodesWithLabel).Distinct();
}
