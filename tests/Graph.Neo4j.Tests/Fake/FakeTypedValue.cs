namespace Graph.Neo4j.Tests.Fake;

/// <summary>
/// A value of a Cypher type that plain JSON writes as a string, such as a <c>Date</c> or an <c>OffsetDateTime</c>; typed
/// JSON writes it as <c>{"$type": Type, "_value": Value}</c>.
/// </summary>
public sealed record FakeTypedValue(string Type, string Value);
