using System.Text;
using Graph.EventStore;
using Graph.Embedded;
using Graph.Projection.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests;

[Collection(GraphServiceCollection.Name)]
public sealed class ProjectionRebuildTests(GraphServiceFactory service)
{
    [Fact]
    public async Task A_graph_rebuilt_from_the_log_in_one_batch_equals_the_live_graph()
    {
        (await service.PostAsync("""
            mutation { recordStatement(input: { kind: SUE, speaker: { name: "Rebuild Plaintiff" }, addressees: [{ name: "Rebuild Defendant" }], summary: "Sues.", sources: [{ publisher: "P" }], topics: ["rebuild"], createMissingActors: true }) { statement { id } } }
            """)).Data();
        var events = service.Services.GetRequiredService<IEventStore>();
        var live = service.Services.GetRequiredService<InMemoryGraph>();

        using var rebuilt = new InMemoryGraph();
        var log = await events.ReadAllAsync(0, int.MaxValue);
        Assert.True(rebuilt.Apply(new GraphBatch(0, log[^1].Position, [.. log.SelectMany(GraphProjection.ToChanges)])));

        Assert.Equal(Dump(live), Dump(rebuilt));
        Assert.Contains("SUED", Dump(rebuilt), StringComparison.Ordinal);
    }

    private static string Dump(InMemoryGraph graph) => graph.Read(g =>
    {
        var text = new StringBuilder();
        foreach (var node in NodeLabels.All.SelectMany(g.NodesWithLabel).Distinct().OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            text.Append(node.Id).Append(' ').AppendJoin(':', node.Labels).Append(' ');
            foreach (var (key, value) in node.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                text.Append(key).Append('=').Append(value is string[] list ? string.Join('|', list) : value).Append(';');
            }

            text.AppendLine();
            foreach (var relationship in node.Outgoing.OrderBy(r => r.Type, StringComparer.Ordinal).ThenBy(r => r.To.Id, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal))
            {
                text.Append("  -[").Append(relationship.Type).Append(' ').Append(relationship.Key).Append("]->").Append(relationship.To.Id).Append(' ');
                foreach (var (key, value) in relationship.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    text.Append(key).Append('=').Append(value).Append(';');
                }

                text.AppendLine();
            }
        }

        return text.ToString();
    });
}
