using Graph.Abstractions.Actors;
using Graph.Abstractions.Commands;
using Graph.Abstractions.Organisations;

namespace Graph.Abstractions.Records;

/// <summary>An organisation record.</summary>
/// <param name="Upsert">
/// Whether the record states the organisation as it should now be: an organisation that exists under the record's id
/// takes its name, kind, aliases, parent and external ids (a list or parent left out is none); one that does not is
/// registered.
/// </param>
public sealed record OrganisationRecord(CreateOrganisation Command, bool Upsert = false) : GraphRecord
{
    public override string? Id => Command.Id;

    public override async Task<WriteReceipt> SendAsync(IGrainFactory grains, bool dryRun = false)
    {
        var grain = grains.GetGrain<IOrganisationGrain>(Command.Id ?? EntityIds.NewId());
        return Upsert && await grain.GetAsync() is not null
            ? await grain.UpdateAsync(
                new UpdateOrganisation(
                    grain.GetPrimaryKeyString(), Command.Name, Command.Kind, Command.Aliases ?? [], Command.Parent, RemoveParent: Command.Parent is null,
                    Command.ExternalIds ?? [], Command.CreateMissingActors),
                dryRun)
            : await grain.CreateAsync(Command, dryRun);
    }
}
