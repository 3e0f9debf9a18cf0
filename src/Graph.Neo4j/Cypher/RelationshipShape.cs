namespace Graph.Neo4j.Cypher;

/// <summary>
/// A relationship type of the model with the labels of its two ends, so every MATCH of an end uses a label (and its
/// uniqueness constraint's index), and how the projection writes it.
/// </summary>
/// <param name="Keyed">Whether relationships of the type between the same two nodes are told apart by a key.</param>
/// <param name="WrittenOnce">
/// Whether every relationship of the type is written by the one event that records its statement, or by one that
/// corrects it after removing it in the same batch, so the projection, which applies each event exactly once, creates
/// it without looking for one already there.
/// </param>
public sealed record RelationshipShape(string Type, string FromLabel, string ToLabel, bool Keyed, bool WrittenOnce);
