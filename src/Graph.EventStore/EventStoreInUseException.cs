namespace Graph.EventStore;

/// <summary>Another process writes the event log already: a running service, or an import.</summary>
public sealed class EventStoreInUseException(string path)
    : Exception($"The event log {path} is in use by another process (a running service or an import). Stop it first, or send the import to the running service with --url.")
{
    public string Path { get; } = path;
}
