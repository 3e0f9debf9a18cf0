namespace Graph.Neo4j.Cypher;

/// <summary>One Cypher statement the project sends, with example parameters for linting and documentation.</summary>
public sealed record CypherStatement(string Name, string Text, IReadOnlyDictionary<string, object?> ExampleParameters);
