using Graph.Abstractions.Commands;
using Orleans.Concurrency;

namespace Graph.Abstractions.Statements;

/// <summary>The source of truth for one statement, keyed by its id.</summary>
public interface IStatementGrain : IGrainWithStringKey
{
    /// <summary>
    /// Validates the statement, resolves every actor it names (creating missing ones when allowed) and records it.
    /// </summary>
    /// <remarks>Nothing is written unless the whole statement is valid.</remarks>
    /// <param name="dryRun">Checks everything, writes nothing.</param>
    /// <exception cref="InvalidInputException">Everything found wrong with the input.</exception>
    Task<WriteReceipt> RecordAsync(RecordStatement command, bool dryRun = false);

    /// <summary>
    /// Corrects the statement: validates it as corrected as a new one would be, and records the correction with who
    /// made it (<paramref name="correctedBy"/>) and why. The statement keeps its id and history.
    /// </summary>
    /// <exception cref="InvalidInputException">
    /// The statement does not exist or is retracted, or the corrected statement is not valid; nothing is written.
    /// </exception>
    Task<WriteReceipt> CorrectAsync(UpdateStatement command, string? correctedBy, bool dryRun = false);

    /// <summary>Flags the statement as retracted, with a reason.</summary>
    /// <exception cref="InvalidInputException">The statement does not exist or is already retracted.</exception>
    Task<WriteReceipt> RetractAsync(string? reason);

    /// <summary>The statement now, or null when it was never recorded.</summary>
    [AlwaysInterleave]
    Task<StatementSnapshot?> GetAsync();
}
