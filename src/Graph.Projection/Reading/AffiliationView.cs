using Graph.Abstractions.Statements;

namespace Graph.Projection.Reading;

/// <summary>A person's affiliation as the graph shows it.</summary>
public sealed record AffiliationView(string PersonId, string OrganisationId, string? Role, PartialDate? From, PartialDate? To);
