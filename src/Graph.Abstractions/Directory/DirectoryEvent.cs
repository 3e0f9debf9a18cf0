using Graph.Abstractions.Events;

namespace Graph.Abstractions.Directory;

/// <summary>An event in the history of one directory entry: a normalised name, alias or actor id.</summary>
[GenerateSerializer, Immutable]
public abstract record DirectoryEvent([property: Id(0)] string Entry) : GraphEvent;
