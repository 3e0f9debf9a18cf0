namespace Graph.Neo4j.Cypher;

/// <summary>
/// A relationship type of the model with the labels of its two ends, so every MATCH of an end uses a label (and its
/// uniqueness constraint's index), and whether it is told apart by a key.
/// </summary>
public sealed record RelationshipShape(string Type, string FromLabel, string ToLabel, bool Keyed);
