using Graph.Abstractions.Organisations;

namespace Graph.Grains.Organisations;

/// <inheritdoc cref="IOrganisationHierarchyGrain"/>
public sealed class OrganisationHierarchyGrain(IGrainFactory grains) : Grain, IOrganisationHierarchyGrain
{
    /// <summary>Parent changes allowed but not yet reported written or abandoned: organisation to its new parent.</summary>
    private readonly Dictionary<string, string> _reserved = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public async Task<string?> ReserveParentAsync(string organisationId, string parentId)
    {
        // Walk up from the new parent, through reserved changes first, then what each organisation has written. A log
        // written before this check existed may hold a cycle already: the walk stops where it repeats itself.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var ancestor = parentId; ancestor is not null && seen.Add(ancestor);)
        {
            if (ancestor == organisationId)
            {
                return $"'{parentId}' is already part of '{organisationId}'; an organisation cannot be part of itself.";
            }

            ancestor = _reserved.TryGetValue(ancestor, out var reserved)
                ? reserved
                : (await grains.GetGrain<IOrganisationGrain>(ancestor).GetAsync())?.ParentId;
        }

        _reserved[organisationId] = parentId;
        return null;
    }

    /// <inheritdoc/>
    public Task ReleaseAsync(string organisationId)
    {
        _reserved.Remove(organisationId);
        return Task.CompletedTask;
    }
}
