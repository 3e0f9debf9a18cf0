using Graph.Abstractions.Statements;

namespace Graph.Abstractions.People;

/// <summary>A person's tie to an organisation: a role held over a period, either end of which may be unknown.</summary>
[GenerateSerializer, Immutable, Alias("graph.affiliation")]
public sealed record Affiliation(
    [property: Id(0)] string OrganisationId,
    [property: Id(1)] string? Role,
    [property: Id(2)] PartialDate? From,
    [property: Id(3)] PartialDate? To)
{
    /// <summary>Identifies the affiliation among a person's others: the same organisation, role and start.</summary>
    public string Key => $"{OrganisationId}|{Role}|{From}";
}
