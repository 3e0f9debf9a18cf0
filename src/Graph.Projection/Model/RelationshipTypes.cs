using Graph.Abstractions.Statements;

namespace Graph.Projection.Model;

/// <summary>The closed set of relationship types of the graph model.</summary>
public static class RelationshipTypes
{
    /// <summary><c>(Actor)-[:MADE]->(Statement)</c>: the speaker.</summary>
    public const string Made = "MADE";

    /// <summary><c>(Statement)-[:ON_BEHALF_OF]->(Organisation)</c>.</summary>
    public const string OnBehalfOf = "ON_BEHALF_OF";

    /// <summary><c>(Statement)-[:ADDRESSED_TO]->(Actor)</c>.</summary>
    public const string AddressedTo = "ADDRESSED_TO";

    /// <summary><c>(Statement)-[:CITES_EXEMPLAR]->(Actor)</c>: whom the addressees are urged to follow.</summary>
    public const string CitesExemplar = "CITES_EXEMPLAR";

    /// <summary><c>(Statement)-[:BENEFITS]->(Actor)</c>.</summary>
    public const string Benefits = "BENEFITS";

    /// <summary><c>(Statement)-[:CONCERNS]->(Actor)</c>: an actor the statement is about.</summary>
    public const string Concerns = "CONCERNS";

    /// <summary><c>(Statement)-[:ABOUT]->(Topic)</c>.</summary>
    public const string About = "ABOUT";

    /// <summary><c>(Statement)-[:SUPPORTED_BY]->(Source)</c>.</summary>
    public const string SupportedBy = "SUPPORTED_BY";

    /// <summary><c>(Statement)-[:RESPONDS_TO]->(Statement)</c>.</summary>
    public const string RespondsTo = "RESPONDS_TO";

    /// <summary><c>(Person)-[:AFFILIATED_WITH {role, from, to}]->(Organisation)</c>.</summary>
    public const string AffiliatedWith = "AFFILIATED_WITH";

    /// <summary><c>(Organisation)-[:PART_OF]->(Organisation)</c>.</summary>
    public const string PartOf = "PART_OF";

    /// <summary>
    /// The relationships from a statement to the actors it involves besides its speaker (who <see cref="Made"/> it):
    /// for whom, to whom, whom it cites, benefits or concerns. With <see cref="Made"/>, "an actor in any role".
    /// </summary>
    public static IReadOnlyList<string> StatementRoles { get; } = [OnBehalfOf, AddressedTo, CitesExemplar, Benefits, Concerns];

    /// <summary>The links between actors that are not statements: affiliations and part-of.</summary>
    public static IReadOnlyList<string> Structural { get; } = [AffiliatedWith, PartOf];

    /// <summary>The actor-to-actor edges of an ego network: the derived speaker-to-addressee edges and the structural links.</summary>
    public static IReadOnlyList<string> Network { get; } = [.. StatementKinds.DerivedRelationshipTypes, .. Structural];

    /// <summary>Every type, the derived speaker-to-addressee types (<c>URGED</c>, <c>CRITICISED</c>, ...) included.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Made, OnBehalfOf, AddressedTo, CitesExemplar, Benefits, Concerns, About, SupportedBy, RespondsTo, AffiliatedWith, PartOf,
         .. StatementKinds.DerivedRelationshipTypes];
}
