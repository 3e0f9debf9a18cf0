namespace Graph.Projection.Reading;

/// <summary>The orders affiliations are listed in, the same from every store: undated starts last.</summary>
public static class AffiliationOrder
{
    /// <summary>A person's affiliations: by start, then organisation, then role.</summary>
    public static IComparer<AffiliationView> ByOrganisation { get; } = Comparer<AffiliationView>.Create((a, b) =>
        Compare(a, b, a.From, b.From, a.OrganisationId, b.OrganisationId));

    /// <summary>An organisation's members: by person, then start, then role.</summary>
    public static IComparer<AffiliationView> ByPerson { get; } = Comparer<AffiliationView>.Create((a, b) =>
    {
        var byPerson = string.CompareOrdinal(a.PersonId, b.PersonId);
        return byPerson != 0 ? byPerson : Compare(a, b, a.From, b.From, "", "");
    });

    private static int Compare(AffiliationView a, AffiliationView b, Abstractions.Statements.PartialDate? fromA, Abstractions.Statements.PartialDate? fromB, string thenA, string thenB)
    {
        var byFrom = (fromA, fromB) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            ({ } x, { } y) => x.CompareTo(y),
        };
        if (byFrom != 0)
        {
            return byFrom;
        }

        var byThen = string.CompareOrdinal(thenA, thenB);
        return byThen != 0 ? byThen : string.CompareOrdinal(a.Role, b.Role);
    }
}
