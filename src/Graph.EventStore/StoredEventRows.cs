using System.Data.Common;
using Graph.Abstractions.Events;

namespace Graph.EventStore;

/// <summary>
/// Reads events from the rows of a query that selects, in this order, a log's position, stream id, version, data
/// (the serialized event) and recorded time (milliseconds since 1970), whichever database holds the log.
/// </summary>
public static class StoredEventRows
{
    public static async Task<IReadOnlyList<StoredEvent>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var events = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // The whole value is wanted: copied at once rather than streamed.
            var bytes = reader.GetFieldValue<byte[]>(3);
            GraphEvent graphEvent;
            try
            {
                graphEvent = EventSerializer.Deserialize(bytes);
            }
            catch (Exception unreadable) when (unreadable is System.Text.Json.JsonException or NotSupportedException or ArgumentException)
            {
                throw new EventLogUnreadableException(
                    $"The event at position {reader.GetInt64(0)} of the log (stream '{reader.GetString(1)}', version {reader.GetInt32(2)}) "
                    + $"cannot be read: {unreadable.Message}",
                    unreadable);
            }

            events.Add(new StoredEvent(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetInt32(2),
                graphEvent,
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
        }

        return events;
    }
}
