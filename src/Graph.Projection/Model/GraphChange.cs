namespace Graph.Projection.Model;

/// <summary>One change to the graph, produced from an event by <see cref="GraphProjection"/>.</summary>
/// <remarks>
/// Property values are strings, 64-bit integers, doubles, booleans or arrays of strings, as Neo4j can store them;
/// a null value removes the property.
/// </remarks>
public abstract record GraphChange;
