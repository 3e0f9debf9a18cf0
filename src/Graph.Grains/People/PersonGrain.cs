using Graph.Abstractions.Actors;
using Graph.Abstractions.Commands;
using Graph.Abstractions.People;
using Graph.EventStore;
using Graph.Grains.Actors;

namespace Graph.Grains.People;

/// <inheritdoc cref="IPersonGrain"/>
public sealed class PersonGrain(IEventStore store, IGrainFactory grains)
    : ActorGrain<PersonState, PersonEvent>(store, grains), IPersonGrain
{
    protected override string StreamCategory => "person";

    protected override ActorType ActorType => ActorType.Person;

    protected override (string? Name, string[] Aliases) Names => State.IsRegistered ? (State.Name, State.Aliases) : (null, []);

    /// <inheritdoc/>
    public async Task<WriteReceipt> CreateAsync(CreatePerson command, bool dryRun = false)
    {
        var problems = new Problems();
        problems.Id(command.Id, Id);
        var name = problems.Name(command.Name, "name", "The name");
        var aliases = problems.Aliases(command.Aliases, name, "aliases", MaxAliases);
        var resolver = new ActorResolver(Grains, problems, command.CreateMissingActors);
        var affiliations = await ResolveAffiliationsAsync(command.Affiliations, resolver, problems);
        if (State.IsRegistered)
        {
            if (!problems.Any && name == State.Name && aliases.SequenceEqual(State.Aliases) && affiliations.SequenceEqual(State.Affiliations))
            {
                return new WriteReceipt(Id, Position, [], Changed: false);
            }

            problems.Add(ProblemCodes.IdTaken, "id", $"A person with the id '{Id}' already exists with other details; use updatePerson to change them.");
        }

        var claims = await PlanClaimsAsync(name, aliases, problems);
        return await CommitAsync(problems, resolver, claims, () => [new PersonRegistered(Id, name!, aliases, [.. affiliations])], dryRun);
    }

    /// <inheritdoc/>
    public async Task<WriteReceipt> UpdateAsync(UpdatePerson command, bool dryRun = false)
    {
        var problems = new Problems();
        problems.Id(command.Id, Id);
        if (!State.IsRegistered)
        {
            throw new InvalidInputException(ProblemCodes.NotFound, "id", $"No person has the id '{Id}'.");
        }

        var name = command.Name is null ? State.Name : problems.Name(command.Name, "name", "The name");
        var aliases = command.Aliases is null ? State.Aliases : problems.Aliases(command.Aliases, name, "aliases", MaxAliases);
        var resolver = new ActorResolver(Grains, problems, command.CreateMissingActors);
        var affiliations = command.Affiliations is null
            ? State.Affiliations
            : await ResolveAffiliationsAsync(command.Affiliations, resolver, problems);

        var claims = await PlanClaimsAsync(name, aliases, problems);
        return await CommitAsync(problems, resolver, claims, () =>
        {
            var events = new List<PersonEvent>();
            if (name != State.Name)
            {
                events.Add(new PersonRenamed(Id, name!, State.Name));
            }

            if (!aliases.SequenceEqual(State.Aliases))
            {
                events.Add(new PersonAliasesChanged(Id, aliases));
            }

            var had = State.Affiliations.ToDictionary(a => a.Key, StringComparer.Ordinal);
            events.AddRange(State.Affiliations.Where(a => !affiliations.Contains(a)).Select(a => new PersonAffiliationRemoved(Id, a)));
            events.AddRange(affiliations.Where(a => !had.TryGetValue(a.Key, out var old) || old != a).Select(a => new PersonAffiliated(Id, a)));
            return events;
        }, dryRun);
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
