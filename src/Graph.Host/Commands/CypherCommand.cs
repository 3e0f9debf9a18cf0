using System.Text.Json;
using Graph.Neo4j.Cypher;

namespace Graph.Host.Commands;

/// <summary><c>cypher [--json]</c>: prints every Cypher statement the project sends, for review and for linters.</summary>
public static class CypherCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Run(string[] args, TextWriter output)
    {
        if (args is ["--json"])
        {
            var statements = CypherStatements.All.Select(s => new { name = s.Name, cypher = s.Text, parameters = s.ExampleParameters });
            output.WriteLine(JsonSerializer.Serialize(statements, Json));
            return 0;
        }

        if (args.Length > 0)
        {
            Console.Error.WriteLine($"Unknown argument '{args[0]}'. Usage: Graph.Host cypher [--json]");
            return 2;
        }

        foreach (var statement in CypherStatements.All)
        {
            output.WriteLine($"// {statement.Name}");
            output.WriteLine(statement.Text);
            output.WriteLine();
        }

        return 0;
    }
}
