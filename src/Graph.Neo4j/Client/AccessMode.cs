namespace Graph.Neo4j.Client;

/// <summary>Whether a query only reads (and may go to a read replica) or also writes.</summary>
public enum AccessMode
{
    Write,
    Read,
}
