using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Graph.Abstractions.Events;

namespace Graph.EventStore;

/// <summary>The stored form of events: UTF-8 JSON with the event's alias as <c>$type</c>.</summary>
public static class EventSerializer
{
    /// <summary>The options events are written and read with; also right for other records of the domain.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static readonly FrozenDictionary<Type, string> TypeNames = typeof(GraphEvent)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToFrozenDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    /// <summary>The stored type name of an event, e.g. <c>statement-recorded</c>.</summary>
    public static string TypeNameOf(GraphEvent graphEvent) => TypeNames[graphEvent.GetType()];

    public static byte[] Serialize(GraphEvent graphEvent) => JsonSerializer.SerializeToUtf8Bytes(graphEvent, Options);

    public static GraphEvent Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<GraphEvent>(utf8Json, Options)
        ?? throw new JsonException("A stored event is null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            AllowOutOfOrderMetadataProperties = true,
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
