using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Graph.Host.Export;

/// <summary>
/// Cytoscape.js elements (<c>{"elements": {"nodes": [...], "edges": [...]}}</c>), each with its <c>data</c>, written as the
/// model reads the store. With <c>compound</c>, an organisation that is part of another exported one is drawn inside
/// it (<c>data.parent</c>) instead of joined to it by a <c>PART_OF</c> edge.
/// </summary>
public static class CytoscapeExporter
{
    public static async Task WriteAsync(Stream output, GraphExportModel model, bool compound, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteStartObject("elements");
        json.WriteStartArray("nodes");
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var node in model.NodesAsync(cancellationToken))
        {
            json.WriteStartObject();
            json.WriteStartObject("data");
            json.WriteString("id", WellFormed(node.Id));
            json.WriteString("label", WellFormed(node.Label));
            json.WriteString("type", node.Type);
            Optional(json, "kind", node.Kind);
            Optional(json, "aliases", node.Aliases);
            Optional(json, "saidOn", node.SaidOn?.ToString());
            Optional(json, "quote", node.Quote);
            Optional(json, "summary", node.Summary);
            if (node.Confidence is { } confidence)
            {
                json.WriteNumber("confidence", confidence);
            }

            if (node.Retracted is { } retracted)
            {
                json.WriteBoolean("retracted", retracted);
            }

            Optional(json, "url", node.Url);
            Optional(json, "publisher", node.Publisher);
            if (compound && node.Parent is { } parent)
            {
                json.WriteString("parent", parent);
                parents[node.Id] = parent;
            }

            json.WriteEndObject();
            json.WriteEndObject();
            await FlushNowAndThenAsync(json, cancellationToken);
        }

        json.WriteEndArray();
        json.WriteStartArray("edges");
        var number = 0;
        await foreach (var edge in model.EdgesAsync(cancellationToken))
        {
            // Drawn inside its parent, a part needs no edge to it.
            if (edge.Role == "PART_OF" && parents.TryGetValue(edge.Source, out var parent) && parent == edge.Target)
            {
                continue;
            }

            json.WriteStartObject();
            json.WriteStartObject("data");
            json.WriteString("id", "e" + (++number).ToString(CultureInfo.InvariantCulture));
            json.WriteString("source", edge.Source);
            json.WriteString("target", edge.Target);
            json.WriteString(edge.Weight is null ? "role" : "label", edge.Role);
            Optional(json, "kind", edge.KindName);
            if (edge.Weight is { } weight)
            {
                json.WriteNumber("weight", weight);
                Optional(json, "firstSaidOn", edge.FirstSaidOn?.ToString());
                Optional(json, "lastSaidOn", edge.LastSaidOn?.ToString());
            }
            else
            {
                Optional(json, "saidOn", edge.FirstSaidOn?.ToString());
            }

            json.WriteEndObject();
            json.WriteEndObject();
            await FlushNowAndThenAsync(json, cancellationToken);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, WellFormed(value));
        }
    }

    /// <summary>The text with any lone surrogate (which JSON cannot encode) replaced by U+FFFD.</summary>
    private static string WellFormed(string text)
    {
        var chars = text.ToCharArray();
        var changed = false;
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
                changed = true;
            }
        }

        return changed ? new string(chars) : text;
    }

    private static async Task FlushNowAndThenAsync(Utf8JsonWriter json, CancellationToken cancellationToken)
    {
        if (json.BytesPending > 1 << 16)
        {
            await json.FlushAsync(cancellationToken);
        }
    }
}
