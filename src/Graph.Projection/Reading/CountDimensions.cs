using Graph.Projection.Model;

namespace Graph.Projection.Reading;

/// <summary>What the <see cref="CountDimension"/> values stand for.</summary>
public static class CountDimensions
{
    /// <summary>The relationship from a statement to the actor counted, for the dimensions that count actors in a role other than speaker.</summary>
    public static string? RoleType(CountDimension by) => by switch
    {
        CountDimension.Addressee => RelationshipTypes.AddressedTo,
        CountDimension.OnBehalfOf => RelationshipTypes.OnBehalfOf,
        CountDimension.Exemplar => RelationshipTypes.CitesExemplar,
        CountDimension.Beneficiary => RelationshipTypes.Benefits,
        CountDimension.Subject => RelationshipTypes.Concerns,
        _ => null,
    };

    /// <summary>Whether the dimension counts actors, so its keys are actors' ids.</summary>
    public static bool CountsActors(CountDimension by) => by == CountDimension.Speaker || RoleType(by) is not null;
}
