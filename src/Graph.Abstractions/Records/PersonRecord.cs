using Graph.Abstractions.Actors;
using Graph.Abstractions.Commands;
using Graph.Abstractions.People;

namespace Graph.Abstractions.Records;

/// <summary>A person record.</summary>
/// <param name="Upsert">
/// Whether the record states the person as they should now be: a person who exists under the record's id takes its
/// name, aliases and affiliations (a list left out is none); one who does not is registered.
/// </param>
public sealed record PersonRecord(CreatePerson Command, bool Upsert = false) : GraphRecord
{
    public override string? Id => Command.Id;

    public override async Task<WriteReceipt> SendAsync(IGrainFactory grains, bool dryRun = false)
    {
        var grain = grains.GetGrain<IPersonGrain>(Command.Id ?? EntityIds.NewId());
        return Upsert && await grain.GetAsync() is not null
            ? await grain.UpdateAsync(
                new UpdatePerson(grain.GetPrimaryKeyString(), Command.Name, Command.Aliases ?? [], Command.Affiliations ?? [], Command.CreateMissingActors), dryRun)
            : await grain.CreateAsync(Command, dryRun);
    }
}
