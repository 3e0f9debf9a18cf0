namespace Graph.Host.Hosting;

/// <summary>Which graph store the service uses, and whether it starts with sample data (configuration section <c>Graph</c>).</summary>
public sealed class GraphOptions
{
    public const string SectionName = "Graph";

    /// <summary>Where the projection writes the graph and the API reads it: the embedded in-memory graph, or Neo4j.</summary>
    public GraphStoreKind Store { get; set; } = GraphStoreKind.Embedded;

    /// <summary>What this process does: everything, the grains alone, or the API alone.</summary>
    public ServiceRole Role { get; set; } = ServiceRole.All;

    /// <summary>Loads the sample data on a start with an empty event log.</summary>
    public bool LoadSampleData { get; set; } = true;
}
