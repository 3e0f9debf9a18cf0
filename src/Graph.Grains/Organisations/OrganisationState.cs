using Graph.Abstractions.Organisations;

namespace Graph.Grains.Organisations;

/// <summary>An organisation: the fold of its events.</summary>
public sealed class OrganisationState
{
    public bool IsRegistered { get; set; }

    public string Name { get; set; } = "";

    public OrganisationKind Kind { get; set; }

    public string[] Aliases { get; set; } = [];

    public string? ParentId { get; set; }

    public ExternalId[] ExternalIds { get; set; } = [];

    public void Apply(OrganisationEvent @event)
    {
        switch (@event)
        {
            case OrganisationRegistered e:
                (IsRegistered, Name, Kind, Aliases, ParentId, ExternalIds) = (true, e.Name, e.Kind, e.Aliases, e.ParentId, e.ExternalIds);
                break;
            case OrganisationRenamed e:
                Name = e.Name;
                break;
            case OrganisationAliasesChanged e:
                Aliases = e.Aliases;
                break;
            case OrganisationReclassified e:
                Kind = e.Kind;
                break;
            case OrganisationParentChanged e:
                ParentId = e.ParentId;
                break;
            case OrganisationExternalIdsChanged e:
                ExternalIds = e.ExternalIds;
                break;
            default:
                throw new InvalidOperationException($"Unknown organisation event {@event.GetType().Name}.");
        }
    }
}
