using Graph.Abstractions.Actors;

namespace Graph.Grains.Directory;

/// <summary>Who holds a directory entry.</summary>
public sealed class DirectoryEntryState
{
    public ActorKey? Owner { get; set; }
}
