using Graph.Abstractions.Actors;
using Graph.Abstractions.Commands;
using Graph.Abstractions.Statements;

namespace Graph.Abstractions.Records;

/// <summary>A statement record.</summary>
public sealed record StatementRecord(RecordStatement Command) : GraphRecord
{
    public override Task<WriteReceipt> SendAsync(IGrainFactory grains) =>
        grains.GetGrain<IStatementGrain>(Command.Id ?? EntityIds.NewId()).RecordAsync(Command);
}
