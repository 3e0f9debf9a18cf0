using Graph.Abstractions.Actors;
using Graph.Abstractions.Commands;
using Graph.Abstractions.People;

namespace Graph.Abstractions.Records;

/// <summary>A person record.</summary>
public sealed record PersonRecord(CreatePerson Command) : GraphRecord
{
    public override string? Id => Command.Id;

    public override Task<WriteReceipt> SendAsync(IGrainFactory grains, bool dryRun = false) =>
        grains.GetGrain<IPersonGrain>(Command.Id ?? EntityIds.NewId()).CreateAsync(Command, dryRun);
}
