using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Graph.Neo4j.Client;

/// <summary>The JSON bodies the Query API takes, written by hand so only values Neo4j can store get through.</summary>
internal static class RequestBody
{
    /// <summary>
    /// Serializes the parameters once, before the first attempt, so an unsupported value fails fast and is not retried.
    /// </summary>
    /// <exception cref="ArgumentException">A value that plain JSON cannot carry.</exception>
    public static byte[]? Parameters(IReadOnlyDictionary<string, object?>? parameters)
    {
        if (parameters is null)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteMap(writer, parameters.Select(p => (p.Key, p.Value)), "$");
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// A statement: <c>{"statement", "parameters", "includeCounters", "accessMode", "bookmarks"}</c>. Access mode and
    /// bookmarks belong to the request that begins a transaction, so statements run inside one leave them out.
    /// </summary>
    public static byte[] Statement(string cypher, byte[]? parameters, AccessMode? accessMode = null, IReadOnlyList<string>? bookmarks = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("statement", cypher);
            if (parameters is not null)
            {
                writer.WritePropertyName("parameters");
                writer.WriteRawValue(parameters, skipInputValidation: true);
            }

            // The Query API reports counters only when asked to.
            writer.WriteBoolean("includeCounters", true);
            WriteTransactionConfig(writer, accessMode, bookmarks);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Begins an explicit transaction without a statement: <c>{"accessMode", "bookmarks"}</c>.</summary>
    public static byte[] Begin(AccessMode accessMode, IReadOnlyList<string> bookmarks)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteTransactionConfig(writer, accessMode, bookmarks);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteTransactionConfig(Utf8JsonWriter writer, AccessMode? accessMode, IReadOnlyList<string>? bookmarks)
    {
        if (accessMode is { } mode)
        {
            writer.WriteString("accessMode", mode == AccessMode.Read ? "Read" : "Write");
        }

        if (bookmarks is { Count: > 0 })
        {
            writer.WriteStartArray("bookmarks");
            foreach (var bookmark in bookmarks)
            {
                writer.WriteStringValue(bookmark);
            }

            writer.WriteEndArray();
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value, string path)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int or long or short or byte or sbyte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double number:
                WriteFloat(writer, number, number.ToString("R", CultureInfo.InvariantCulture), path);
                break;
            case float number:
                WriteFloat(writer, number, number.ToString("R", CultureInfo.InvariantCulture), path);
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case IReadOnlyDictionary<string, object?> map:
                WriteMap(writer, map.Select(p => (p.Key, p.Value)), path);
                break;
            case IDictionary map:
                WriteMap(writer, Entries(map, path), path);
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                var index = 0;
                foreach (var item in list)
                {
                    WriteValue(writer, item, $"{path}[{index++}]");
                }

                writer.WriteEndArray();
                break;
            default:
                throw Unsupported(path, value);
        }
    }

    private static void WriteMap(Utf8JsonWriter writer, IEnumerable<(string Key, object? Value)> entries, string path)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in entries)
        {
            writer.WritePropertyName(key);
            WriteValue(writer, value, path == "$" ? key : $"{path}.{key}");
        }

        writer.WriteEndObject();
    }

    // IDictionary's own enumerator yields DictionaryEntry; the IEnumerable one of Dictionary<,> yields KeyValuePair.
    private static IEnumerable<(string Key, object? Value)> Entries(IDictionary map, string path)
    {
        var entry = map.GetEnumerator();
        while (entry.MoveNext())
        {
            yield return (entry.Key as string ?? throw Unsupported(path, entry.Key), entry.Value);
        }
    }

    private static void WriteFloat(Utf8JsonWriter writer, double number, string text, string path)
    {
        if (!double.IsFinite(number))
        {
            throw new ArgumentException($"Parameter {path} is {text}, which JSON cannot carry.", "parameters");
        }

        // Neo4j types a JSON number without a fraction or exponent as INTEGER, so 1.0 must not travel as "1".
        writer.WriteRawValue(text.AsSpan().IndexOfAny('.', 'E', 'e') < 0 ? text + ".0" : text, skipInputValidation: true);
    }

    private static ArgumentException Unsupported(string path, object? value) =>
        new($"Parameter {path} is a {value?.GetType().Name ?? "null key"}, which the Query API's plain JSON cannot carry: "
            + "use null, a string, a bool, an integer, a double, a list or a map with string keys "
            + "(dates and other values as strings).", "parameters");
}
