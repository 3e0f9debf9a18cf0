namespace Graph.Host.Hosting;

/// <summary>The graph stores the service can project into and read from.</summary>
public enum GraphStoreKind
{
    /// <summary>An in-memory property graph, rebuilt from the event log at every start.</summary>
    Embedded,

    /// <summary>A Neo4j database, reached through its HTTP Query API.</summary>
    Neo4j,
}
