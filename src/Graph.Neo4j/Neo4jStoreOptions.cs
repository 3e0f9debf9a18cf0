using System.ComponentModel.DataAnnotations;

namespace Graph.Neo4j;

/// <summary>How the projection writes to Neo4j (configuration section <c>Neo4j</c>, with the connection settings).</summary>
public sealed class Neo4jStoreOptions
{
    /// <summary>The most changes sent in one UNWIND statement.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 1_000;
}
