namespace Graph.Abstractions.Organisations;

/// <summary>What sort of body an organisation is.</summary>
public enum OrganisationKind
{
    Company,
    Ngo,
    GovernmentBody,
    Legislature,
    Media,
    ResearchBody,
    Other,
}
