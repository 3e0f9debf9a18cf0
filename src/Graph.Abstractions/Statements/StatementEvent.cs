using Graph.Abstractions.Events;

namespace Graph.Abstractions.Statements;

/// <summary>An event in a statement's history.</summary>
[GenerateSerializer, Immutable]
public abstract record StatementEvent([property: Id(0)] string StatementId) : GraphEvent;
