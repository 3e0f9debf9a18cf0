using System.Globalization;
using System.Text;
using System.Xml;

namespace Graph.Host.Export;

/// <summary>
/// GraphML (Cytoscape desktop, yEd, NetworkX), with typed attribute keys, written as the model reads the store.
/// </summary>
public static class GraphMLExporter
{
    public const string MediaType = "application/graphml+xml";
    private const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    private static readonly (string Id, string For, string Type)[] Keys =
    [
        ("label", "node", "string"), ("type", "node", "string"), ("kind", "all", "string"), ("aliases", "node", "string"),
        ("saidOn", "node", "string"), ("quote", "node", "string"), ("summary", "node", "string"), ("confidence", "node", "double"),
        ("retracted", "node", "boolean"), ("url", "node", "string"), ("publisher", "node", "string"), ("role", "edge", "string"),
        ("weight", "edge", "int"), ("firstSaidOn", "edge", "string"), ("lastSaidOn", "edge", "string"),
    ];

    public static async Task WriteAsync(Stream output, GraphExportModel model, CancellationToken cancellationToken)
    {
        await using var xml = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false) });
        await xml.WriteStartDocumentAsync();
        xml.WriteStartElement("graphml", Namespace);
        foreach (var (id, @for, type) in Keys)
        {
            xml.WriteStartElement("key", Namespace);
            xml.WriteAttributeString("id", id);
            xml.WriteAttributeString("for", @for);
            xml.WriteAttributeString("attr.name", id);
            xml.WriteAttributeString("attr.type", type);
            xml.WriteEndElement();
        }

        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("id", model.Shape == ExportShape.Statements ? "statements" : "actors");
        xml.WriteAttributeString("edgedefault", "directed");
        await foreach (var node in model.NodesAsync(cancellationToken))
        {
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", XmlText.Safe(node.Id));
            Data(xml, "label", node.Label);
            Data(xml, "type", node.Type);
            Data(xml, "kind", node.Kind);
            Data(xml, "aliases", node.Aliases);
            Data(xml, "saidOn", node.SaidOn?.ToString());
            Data(xml, "quote", node.Quote);
            Data(xml, "summary", node.Summary);
            Data(xml, "confidence", node.Confidence?.ToString("R", CultureInfo.InvariantCulture));
            Data(xml, "retracted", node.Retracted is { } retracted ? (retracted ? "true" : "false") : null);
            Data(xml, "url", node.Url);
            Data(xml, "publisher", node.Publisher);
            xml.WriteEndElement();
            await XmlText.FlushNowAndThenAsync(xml);
        }

        var number = 0;
        await foreach (var edge in model.EdgesAsync(cancellationToken))
        {
            xml.WriteStartElement("edge", Namespace);
            xml.WriteAttributeString("id", "e" + (++number).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("source", XmlText.Safe(edge.Source));
            xml.WriteAttributeString("target", XmlText.Safe(edge.Target));
            Data(xml, "role", edge.Weight is null ? edge.Role : null);
            Data(xml, "kind", edge.Kind);
            Data(xml, "weight", edge.Weight?.ToString(CultureInfo.InvariantCulture));
            Data(xml, "firstSaidOn", edge.Weight is null ? null : edge.FirstSaidOn?.ToString());
            Data(xml, "lastSaidOn", edge.Weight is null ? null : edge.LastSaidOn?.ToString());
            xml.WriteEndElement();
            await XmlText.FlushNowAndThenAsync(xml);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    private static void Data(XmlWriter xml, string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        xml.WriteStartElement("data", Namespace);
        xml.WriteAttributeString("key", key);
        xml.WriteString(XmlText.Safe(value));
        xml.WriteEndElement();
    }
}

/// <summary>Text for XML exports.</summary>
internal static class XmlText
{
    private static int _written;

    /// <summary>The text without the characters XML 1.0 cannot hold at all (control characters, lone surrogates).</summary>
    public static string Safe(string text)
    {
        if (IsSafe(text))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe.Append(text[i]).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
        }

        return safe.ToString();
    }

    /// <summary>Flushes every few hundred elements, so a large export streams instead of filling the writer's buffer.</summary>
    public static async Task FlushNowAndThenAsync(XmlWriter xml)
    {
        if (Interlocked.Increment(ref _written) % 512 == 0)
        {
            await xml.FlushAsync();
        }
    }

    private static bool IsSafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
