using Graph.Abstractions.Commands;
using Orleans.Concurrency;

namespace Graph.Abstractions.Organisations;

/// <summary>The source of truth for one organisation, keyed by its id.</summary>
public interface IOrganisationGrain : IGrainWithStringKey
{
    /// <summary>Registers the organisation; repeating the same registration changes nothing.</summary>
    /// <param name="dryRun">Checks everything, writes nothing.</param>
    /// <exception cref="InvalidInputException">The input is invalid, or the id or a name is taken.</exception>
    Task<WriteReceipt> CreateAsync(CreateOrganisation command, bool dryRun = false);

    /// <summary>Changes the organisation.</summary>
    /// <param name="dryRun">Checks everything, writes nothing.</param>
    /// <exception cref="InvalidInputException">The input is invalid, or the organisation does not exist.</exception>
    Task<WriteReceipt> UpdateAsync(UpdateOrganisation command, bool dryRun = false);

    /// <summary>The organisation now, or null when it was never registered.</summary>
    [AlwaysInterleave]
    Task<OrganisationSnapshot?> GetAsync();
}
