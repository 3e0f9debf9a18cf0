using Graph.Abstractions.Actors;

namespace Graph.Abstractions.Directory;

/// <summary>An actor gave up a name or alias.</summary>
[GenerateSerializer, Immutable, Alias("graph.directory-entry-released")]
public sealed record DirectoryEntryReleased(
    string Entry,
    [property: Id(0)] ActorKey Owner) : DirectoryEvent(Entry)
{
    public const string TypeName = "directory-entry-released";
}
