using Graph.Abstractions.Commands;
using Orleans.Concurrency;

namespace Graph.Abstractions.People;

/// <summary>The source of truth for one person, keyed by their id.</summary>
public interface IPersonGrain : IGrainWithStringKey
{
    /// <summary>Registers the person; repeating the same registration changes nothing.</summary>
    /// <param name="dryRun">Checks everything, writes nothing.</param>
    /// <exception cref="InvalidInputException">The input is invalid, or the id or a name is taken.</exception>
    Task<WriteReceipt> CreateAsync(CreatePerson command, bool dryRun = false);

    /// <summary>Changes the person.</summary>
    /// <param name="dryRun">Checks everything, writes nothing.</param>
    /// <exception cref="InvalidInputException">The input is invalid, or the person does not exist.</exception>
    Task<WriteReceipt> UpdateAsync(UpdatePerson command, bool dryRun = false);

    /// <summary>The person now, or null when they were never registered.</summary>
    [AlwaysInterleave]
    Task<PersonSnapshot?> GetAsync();
}
