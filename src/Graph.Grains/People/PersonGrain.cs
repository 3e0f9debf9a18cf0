using Graph.Abstractions.Actors;
using Graph.Abstractions.Commands;
using Graph.Abstractions.People;
using Graph.EventStore;
using Graph.Grains.Actors;
using Graph.Grains.EventSourcing;

namespace Graph.Grains.People;

/// <inheritdoc cref="IPersonGrain"/>
public sealed class PersonGrain(IEventStore store, IGrainFactory grains)
    : EventSourcedGrain<PersonState, PersonEvent>(store), IPersonGrain
{
    protected override string StreamCategory => "person";

    private string Id => this.GetPrimaryKeyString();

    private ActorKey Key => new(Id, ActorType.Person);

    /// <inheritdoc/>
    public async Task<WriteReceipt> CreateAsync(CreatePerson command)
    {
        var problems = new Problems();
        problems.Id(command.Id, Id);
        var name = problems.Name(command.Name, "name", "The name");
        var aliases = problems.Aliases(command.Aliases, name, "aliases");
        var resolver = new ActorResolver(grains, problems, command.CreateMissingActors);
        var affiliations = await ResolveAffiliationsAsync(command.Affiliations, resolver, problems);
        if (State.IsRegistered)
        {
            if (!problems.Any && name == State.Name && aliases.SequenceEqual(State.Aliases) && affiliations.SequenceEqual(State.Affiliations))
            {
                return new WriteReceipt(Id, Position, []);
            }

            problems.Add(ProblemCodes.IdTaken, "id", $"A person with the id '{Id}' already exists with other details; use updatePerson to change them.");
        }

        var claims = new DirectoryClaims(grains, Key);
        var entries = DirectoryClaims.EntriesOf(Id, name, aliases);
        await claims.CheckAvailableAsync(entries, problems);
        problems.ThrowIfAny();

        var created = await resolver.CreateMissingAsync();
        await claims.ClaimAllAsync(entries);
        var position = await RaiseAsync([new PersonRegistered(Id, name!, aliases, [.. affiliations])]);
        return new WriteReceipt(Id, position, created);
    }

    /// <inheritdoc/>
    public async Task<WriteReceipt> UpdateAsync(UpdatePerson command)
    {
        var problems = new Problems();
        problems.Id(command.Id, Id);
        if (!State.IsRegistered)
        {
            throw new InvalidInputException(ProblemCodes.NotFound, "id", $"No person has the id '{Id}'.");
        }

        var name = command.Name is null ? State.Name : problems.Name(command.Name, "name", "The name");
        var aliases = command.Aliases is null ? State.Aliases : problems.Aliases(command.Aliases, name, "aliases");
        var resolver = new ActorResolver(grains, problems, command.CreateMissingActors);
        var affiliations = command.Affiliations is null
            ? State.Affiliations
            : await ResolveAffiliationsAsync(command.Affiliations, resolver, problems);

        var claims = new DirectoryClaims(grains, Key);
        var held = DirectoryClaims.EntriesOf(Id, State.Name, State.Aliases).Select(e => e.Entry).ToHashSet();
        var wanted = DirectoryClaims.EntriesOf(Id, name, aliases);
        var newEntries = wanted.Where(e => !held.Contains(e.Entry)).ToList();
        await claims.CheckAvailableAsync(newEntries, problems);
        problems.ThrowIfAny();

        var events = new List<PersonEvent>();
        if (name != State.Name)
        {
            events.Add(new PersonRenamed(Id, name!, State.Name));
        }

        if (!aliases.SequenceEqual(State.Aliases))
        {
            events.Add(new PersonAliasesChanged(Id, aliases));
        }

        var keep = affiliations.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        var had = State.Affiliations.ToDictionary(a => a.Key, StringComparer.Ordinal);
        events.AddRange(State.Affiliations.Where(a => !keep.Contains(a.Key) || !affiliations.Contains(a)).Select(a => new PersonAffiliationRemoved(Id, a)));
        events.AddRange(affiliations.Where(a => !had.TryGetValue(a.Key, out var old) || old != a).Select(a => new PersonAffiliated(Id, a)));

        var created = await resolver.CreateMissingAsync();
        await claims.ClaimAllAsync(newEntries);
        var position = await RaiseAsync(events);
        await claims.ReleaseAllAsync(held.Except(wanted.Select(e => e.Entry)));
        return new WriteReceipt(Id, position, created);
    }

    /// <inheritdoc/>
    public Task<PersonSnapshot?> GetAsync() => Task.FromResult(
        State.IsRegistered ? new PersonSnapshot(Id, State.Name, State.Aliases, [.. State.Affiliations]) : null);

    protected override void Apply(PersonState state, PersonEvent @event) => state.Apply(@event);

    private static async Task<List<Affiliation>> ResolveAffiliationsAsync(AffiliationDraft[]? drafts, ActorResolver resolver, Problems problems)
    {
        var result = new List<Affiliation>();
        foreach (var (draft, index) in (drafts ?? []).Select((d, i) => (d, i)))
        {
            var path = $"affiliations[{index}]";
            if (draft.Organisation is null)
            {
                problems.Add(ProblemCodes.Required, path + ".organisation", "An affiliation needs an organisation.");
                continue;
            }

            var organisationId = await resolver.ResolveAsync(draft.Organisation, path + ".organisation", ActorType.Organisation);
            var role = problems.Text(draft.Role, path + ".role", "A role", Problems.MaxNameLength);
            problems.Ordered(draft.From, draft.To, path, "The affiliation");
            if (organisationId is null)
            {
                continue;
            }

            var affiliation = new Affiliation(organisationId, role, draft.From, draft.To);
            if (result.Any(a => a.Key == affiliation.Key))
            {
                problems.Add(ProblemCodes.InvalidValue, path, $"The affiliation with '{organisationId}' as '{role}' from {draft.From?.ToString() ?? "an unknown date"} is listed twice.");
                continue;
            }

            result.Add(affiliation);
        }

        return result;
    }
}
