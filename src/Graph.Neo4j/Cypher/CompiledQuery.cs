namespace Graph.Neo4j.Cypher;

/// <summary>A statement compiled for one question, with the parameters that question gives it.</summary>
public sealed record CompiledQuery(CypherStatement Statement, IReadOnlyDictionary<string, object?> Parameters);
