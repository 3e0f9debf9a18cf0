using Graph.Abstractions.Actors;
using Graph.Abstractions.Commands;
using Graph.Abstractions.Statements;

namespace Graph.Abstractions.Records;

/// <summary>A statement record, with its retraction when it was retracted.</summary>
public sealed record StatementRecord(RecordStatement Command, StatementRetraction? Retraction = null) : GraphRecord
{
    public override string? Id => Command.Id;

    public override async Task<WriteReceipt> SendAsync(IGrainFactory grains, bool dryRun = false)
    {
        var grain = grains.GetGrain<IStatementGrain>(Command.Id ?? EntityIds.NewId());
        var recorded = await grain.RecordAsync(Command, dryRun);
        if (dryRun || Retraction is null || (await grain.GetAsync())?.Retraction is not null)
        {
            return recorded;
        }

        return await grain.RetractAsync(Retraction.Reason);
    }
}
