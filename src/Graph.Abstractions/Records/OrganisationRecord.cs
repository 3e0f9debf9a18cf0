using Graph.Abstractions.Actors;
using Graph.Abstractions.Commands;
using Graph.Abstractions.Organisations;

namespace Graph.Abstractions.Records;

/// <summary>An organisation record.</summary>
public sealed record OrganisationRecord(CreateOrganisation Command) : GraphRecord
{
    public override string? Id => Command.Id;

    public override Task<WriteReceipt> SendAsync(IGrainFactory grains, bool dryRun = false) =>
        grains.GetGrain<IOrganisationGrain>(Command.Id ?? EntityIds.NewId()).CreateAsync(Command, dryRun);
}
