using Graph.Abstractions.Actors;

namespace Graph.Abstractions.Directory;

/// <summary>An actor claimed a name, alias or id.</summary>
[GenerateSerializer, Immutable, Alias("graph.directory-entry-claimed")]
public sealed record DirectoryEntryClaimed(
    string Entry,
    [property: Id(0)] ActorKey Owner) : DirectoryEvent(Entry)
{
    public const string TypeName = "directory-entry-claimed";
}
