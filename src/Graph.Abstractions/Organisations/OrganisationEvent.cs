using Graph.Abstractions.Events;

namespace Graph.Abstractions.Organisations;

/// <summary>An event in an organisation's history.</summary>
[GenerateSerializer, Immutable]
public abstract record OrganisationEvent([property: Id(0)] string OrganisationId) : GraphEvent;
