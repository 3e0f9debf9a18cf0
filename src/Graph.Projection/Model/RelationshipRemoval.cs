namespace Graph.Projection.Model;

/// <summary>Removes a relationship, if it is there.</summary>
public sealed record RelationshipRemoval(string Type, string FromId, string ToId, string? Key) : GraphChange;
