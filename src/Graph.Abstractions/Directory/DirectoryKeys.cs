using Graph.Abstractions.Actors;

namespace Graph.Abstractions.Directory;

/// <summary>The keys of directory entries.</summary>
public static class DirectoryKeys
{
    /// <summary>The entry of a name or alias, by its normalised form.</summary>
    public static string ForName(string name) => "name:" + ActorNames.Normalise(name);

    /// <summary>The entry of an actor id, shared by organisations and people so ids are unique across both.</summary>
    public static string ForId(string id) => "id:" + id;
}
