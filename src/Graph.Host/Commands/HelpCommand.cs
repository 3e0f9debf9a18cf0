namespace Graph.Host.Commands;

/// <summary><c>help</c>: what the commands are.</summary>
public static class HelpCommand
{
    public const string Text = """
        Graph.Host: who said what to whom, as a graph.

        Usage: Graph.Host [command] [--Section:Key=value ...]

        Commands:
          serve                       Run the service (the default): GraphQL at /graphql, health at /health/ready.
          cypher [--json]             Print every Cypher statement the service sends to Neo4j, with example
                                      parameters; --json prints [{"name", "cypher", "parameters"}] for linters.
          rebuild-projection [--force]
                                      Replay the whole event log into an empty Neo4j database (Neo4j:Uri,
                                      Neo4j:User, Neo4j:Password, or NEO4J_URI and friends); --force empties a
                                      database that is not empty first.
          help                        Show this text.

        Settings (appsettings.json beside the binary, environment variables such as EventStore__Path, or
        --EventStore:Path=... on the command line) are listed in the README.
        """;

    public static int Run(TextWriter output)
    {
        output.WriteLine(Text);
        return 0;
    }
}
