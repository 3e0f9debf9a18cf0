namespace Graph.EventStore;

/// <summary>
/// The file named as the event log is not one (another application's database), or an event in it cannot be read;
/// the message says which file, and where.
/// </summary>
public sealed class EventLogUnreadableException(string message, Exception? innerException = null) : Exception(message, innerException);
