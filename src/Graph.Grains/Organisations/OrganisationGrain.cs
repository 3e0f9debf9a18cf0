using Graph.Abstractions.Actors;
using Graph.Abstractions.Commands;
using Graph.Abstractions.Organisations;
using Graph.EventStore;
using Graph.Grains.Actors;

namespace Graph.Grains.Organisations;

/// <inheritdoc cref="IOrganisationGrain"/>
public sealed class OrganisationGrain(IEventStore store, IGrainFactory grains)
    : ActorGrain<OrganisationState, OrganisationEvent>(store, grains), IOrganisationGrain
{
    protected override string StreamCategory => "organisation";

    protected override ActorType ActorType => ActorType.Organisation;

    protected override (string? Name, string[] Aliases) Names => State.IsRegistered ? (State.Name, State.Aliases) : (null, []);

    /// <inheritdoc/>
    public async Task<WriteReceipt> CreateAsync(CreateOrganisation command, bool dryRun = false)
    {
        var problems = new Problems();
        problems.Id(command.Id, Id);
        var name = problems.Name(command.Name, "name", "The name");
        var aliases = problems.Aliases(command.Aliases, name, "aliases", MaxAliases);
        var externalIds = ExternalIds(command.ExternalIds, problems);
        var resolver = new ActorResolver(Grains, problems, command.CreateMissingActors);
        var parentId = await resolver.ResolveAsync(command.Parent, "parent", ActorType.Organisation);
        if (parentId == Id)
        {
            problems.Add(ProblemCodes.Cycle, "parent", "An organisation cannot be part of itself.");
        }

        if (State.IsRegistered)
        {
            if (!problems.Any && name == State.Name && command.Kind == State.Kind && aliases.SequenceEqual(State.Aliases)
                && parentId == State.ParentId && externalIds.SequenceEqual(State.ExternalIds))
            {
                return new WriteReceipt(Id, Position, [], Changed: false);
            }

            problems.Add(ProblemCodes.IdTaken, "id", $"An organisation with the id '{Id}' already exists with other details; use updateOrganisation to change it.");
        }

        var claims = await PlanClaimsAsync(name, aliases, problems);
        return await CommitAsync(problems, resolver, claims, () => [new OrganisationRegistered(Id, name!, command.Kind, aliases, parentId, externalIds)], dryRun);
    }

    /// <inheritdoc/>
    public async Task<WriteReceipt> UpdateAsync(UpdateOrganisation command, bool dryRun = false)
    {
        var problems = new Problems();
        problems.Id(command.Id, Id);
        if (!State.IsRegistered)
        {
            throw new InvalidInputException(ProblemCodes.NotFound, "id", $"No organisation has the id '{Id}'.");
        }

        var name = command.Name is null ? State.Name : problems.Name(command.Name, "name", "The name");
        var aliases = command.Aliases is null ? State.Aliases : problems.Aliases(command.Aliases, name, "aliases", MaxAliases);
        var externalIds = command.ExternalIds is null ? State.ExternalIds : ExternalIds(command.ExternalIds, problems);
        if (command.Parent is not null && command.RemoveParent)
        {
            problems.Add(ProblemCodes.InvalidValue, "removeParent", "Give a new parent or remove the parent, not both.");
        }

        var resolver = new ActorResolver(Grains, problems, command.CreateMissingActors);
        var parentId = command.RemoveParent ? null : command.Parent is null ? State.ParentId : await resolver.ResolveAsync(command.Parent, "parent", ActorType.Organisation);

        // A new parent is checked and written while the hierarchy holds it reserved, so two organisations made parts
        // of each other at the same moment cannot both pass the check.
        var hierarchy = Grains.GetGrain<IOrganisationHierarchyGrain>(0);
        var reserved = false;
        if (parentId is not null && parentId != State.ParentId)
        {
            if (parentId == Id)
            {
                problems.Add(ProblemCodes.Cycle, "parent", "An organisation cannot be part of itself.");
            }
            else
            {
                var refusal = await hierarchy.ReserveParentAsync(Id, parentId);
                reserved = refusal is null;
                if (refusal is not null)
                {
                    problems.Add(ProblemCodes.Cycle, "parent", refusal);
                }
            }
        }

        try
        {
            var claims = await PlanClaimsAsync(name, aliases, problems);
            return await CommitAsync(problems, resolver, claims, () =>
            {
                var events = new List<OrganisationEvent>();
                if (name != State.Name)
                {
                    events.Add(new OrganisationRenamed(Id, name!, State.Name));
                }

                if (!aliases.SequenceEqual(State.Aliases))
                {
                    events.Add(new OrganisationAliasesChanged(Id, aliases));
                }

                if (command.Kind is { } kind && kind != State.Kind)
                {
                    events.Add(new OrganisationReclassified(Id, kind));
                }

                if (parentId != State.ParentId)
                {
                    events.Add(new OrganisationParentChanged(Id, parentId, State.ParentId));
                }

                if (!externalIds.SequenceEqual(State.ExternalIds))
                {
                    events.Add(new OrganisationExternalIdsChanged(Id, externalIds));
                }

                return events;
            }, dryRun);
        }
        finally
        {
            if (reserved)
            {
                await hierarchy.ReleaseAsync(Id);
            }
        }
    }

    /// <inheritdoc/>
    public Task<OrganisationSnapshot?> GetAsync() => Task.FromResult(
        State.IsRegistered ? new OrganisationSnapshot(Id, State.Name, State.Kind, State.Aliases, State.ParentId, State.ExternalIds) : null);

    protected override void Apply(OrganisationState state, OrganisationEvent @event) => state.Apply(@event);

    private static ExternalId[] ExternalIds(ExternalId[]? ids, Problems problems)
    {
        var result = new List<ExternalId>();
        foreach (var (id, index) in (ids ?? []).Select((x, i) => (x, i)))
        {
            var scheme = problems.Name(id.Scheme, $"externalIds[{index}].scheme", "An external id's scheme");
            var value = problems.Name(id.Value, $"externalIds[{index}].value", "An external id's value");
            if (scheme is not null && value is not null && !result.Contains(new ExternalId(scheme.ToLowerInvariant(), value)))
            {
                if (scheme.Contains(':', StringComparison.Ordinal))
                {
                    problems.Add(ProblemCodes.InvalidValue, $"externalIds[{index}].scheme", $"An external id's scheme cannot contain ':' ('{scheme}').");
                }

                result.Add(new ExternalId(scheme.ToLowerInvariant(), value));
            }
        }

        return [.. result];
    }
}
