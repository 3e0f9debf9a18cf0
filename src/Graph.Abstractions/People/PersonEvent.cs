using Graph.Abstractions.Events;

namespace Graph.Abstractions.People;

/// <summary>An event in a person's history.</summary>
[GenerateSerializer, Immutable]
public abstract record PersonEvent([property: Id(0)] string PersonId) : GraphEvent;
