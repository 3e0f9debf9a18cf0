namespace Graph.Abstractions.Organisations;

/// <summary>
/// The one place that changes which organisation is part of which, so that the check for a cycle and the change it
/// permits see one consistent hierarchy: its calls run one at a time, and a change it has allowed counts in every
/// later check until the organisation reports it written or abandoned. One activation, key 0.
/// </summary>
public interface IOrganisationHierarchyGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Reserves making <paramref name="organisationId"/> part of <paramref name="parentId"/>: null when that is
    /// allowed (and reserved until <see cref="ReleaseAsync"/>), otherwise why not.
    /// </summary>
    Task<string?> ReserveParentAsync(string organisationId, string parentId);

    /// <summary>Ends the reservation of <paramref name="organisationId"/>, whether its change was written or not.</summary>
    Task ReleaseAsync(string organisationId);
}
