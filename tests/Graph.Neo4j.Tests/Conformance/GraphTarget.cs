using Graph.Projection;
using Graph.Projection.Reading;

namespace Graph.Neo4j.Tests.Conformance;

/// <summary>A graph store and its reader, as the conformance suite runs against them.</summary>
public sealed class GraphTarget(string name, IGraphStore store, IGraphReader reader, IAsyncDisposable? owner = null) : IAsyncDisposable
{
    public string Name { get; } = name;

    public IGraphStore Store { get; } = store;

    public IGraphReader Reader { get; } = reader;

    public override string ToString() => Name;

    public ValueTask DisposeAsync() => owner?.DisposeAsync() ?? ValueTask.CompletedTask;
}
