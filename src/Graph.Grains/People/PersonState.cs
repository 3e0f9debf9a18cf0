using Graph.Abstractions.People;

namespace Graph.Grains.People;

/// <summary>A person: the fold of their events.</summary>
public sealed class PersonState
{
    public bool IsRegistered { get; set; }

    public string Name { get; set; } = "";

    public string[] Aliases { get; set; } = [];

    public List<Affiliation> Affiliations { get; } = [];

    public void Apply(PersonEvent @event)
    {
        switch (@event)
        {
            case PersonRegistered e:
                (IsRegistered, Name, Aliases) = (true, e.Name, e.Aliases);
                Affiliations.AddRange(e.Affiliations);
                break;
            case PersonRenamed e:
                Name = e.Name;
                break;
            case PersonAliasesChanged e:
                Aliases = e.Aliases;
                break;
            case PersonAffiliated e:
                Affiliations.Add(e.Affiliation);
                break;
            case PersonAffiliationRemoved e:
                Affiliations.RemoveAll(a => a.Key == e.Affiliation.Key);
                break;
            default:
                throw new InvalidOperationException($"Unknown person event {@event.GetType().Name}.");
        }
    }
}
