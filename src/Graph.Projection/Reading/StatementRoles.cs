using Graph.Projection.Model;

namespace Graph.Projection.Reading;

/// <summary>How each <see cref="StatementRole"/> is stored: the relationship from a statement to the actor in it.</summary>
public static class StatementRoles
{
    /// <summary>Every role.</summary>
    public static IReadOnlySet<StatementRole> All { get; } = Enum.GetValues<StatementRole>().ToHashSet();

    /// <summary>The relationship from a statement to the actor in <paramref name="role"/>.</summary>
    public static string RelationshipType(StatementRole role) => role switch
    {
        StatementRole.Addressee => RelationshipTypes.AddressedTo,
        StatementRole.OnBehalfOf => RelationshipTypes.OnBehalfOf,
        StatementRole.Exemplar => RelationshipTypes.CitesExemplar,
        StatementRole.Beneficiary => RelationshipTypes.Benefits,
        StatementRole.Subject => RelationshipTypes.Concerns,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>The role a statement-to-actor relationship stands for, or null for any other type.</summary>
    public static StatementRole? Of(string relationshipType) => relationshipType switch
    {
        RelationshipTypes.AddressedTo => StatementRole.Addressee,
        RelationshipTypes.OnBehalfOf => StatementRole.OnBehalfOf,
        RelationshipTypes.CitesExemplar => StatementRole.Exemplar,
        RelationshipTypes.Benefits => StatementRole.Beneficiary,
        RelationshipTypes.Concerns => StatementRole.Subject,
        _ => null,
    };
}
