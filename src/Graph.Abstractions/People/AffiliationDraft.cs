using Graph.Abstractions.Actors;
using Graph.Abstractions.Statements;

namespace Graph.Abstractions.People;

/// <summary>An affiliation as a command gives it, naming the organisation by id or name.</summary>
[GenerateSerializer, Immutable, Alias("graph.affiliation-draft")]
public sealed record AffiliationDraft(
    [property: Id(0)] ActorReference Organisation,
    [property: Id(1)] string? Role,
    [property: Id(2)] PartialDate? From = null,
    [property: Id(3)] PartialDate? To = null);
