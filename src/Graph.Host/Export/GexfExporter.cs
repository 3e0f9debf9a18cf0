using System.Globalization;
using System.Text;
using System.Xml;
using Graph.Abstractions.Statements;

namespace Graph.Host.Export;

/// <summary>
/// GEXF 1.3 for Gephi, dynamic: each statement (and each edge from it) lives for the days its date covers, and in the
/// actors shape each edge from the first to the last date said, so Gephi's timeline plays the network. Edges carry the
/// statement kind as their <c>kind</c>, the role as their label, a weight, and a colour per kind; nodes a colour per type.
/// </summary>
public static class GexfExporter
{
    public const string MediaType = "application/gexf+xml";
    private const string Namespace = "http://gexf.net/1.3";

    private static readonly string[] NodeAttributes = ["type", "kind", "aliases", "saidOn", "quote", "summary", "url", "publisher"];

    /// <summary>A colour per statement kind, from a palette that tells eleven of them apart and repeats hues after.</summary>
    private static readonly (byte R, byte G, byte B)[] Palette =
    [
        (31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189), (140, 86, 75),
        (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207), (174, 199, 232), (255, 187, 120),
        (152, 223, 138), (255, 152, 150), (197, 176, 213),
    ];

    private static readonly (byte R, byte G, byte B) Grey = (127, 127, 127);

    private static readonly Dictionary<string, (byte R, byte G, byte B)> NodeColours = new(StringComparer.Ordinal)
    {
        ["organisation"] = (31, 119, 180), ["person"] = (255, 127, 14), ["statement"] = (127, 127, 127),
        ["source"] = (188, 189, 34), ["topic"] = (23, 190, 207),
    };

    public static async Task WriteAsync(Stream output, GraphExportModel model, CancellationToken cancellationToken)
    {
        await using var xml = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false) });
        await xml.WriteStartDocumentAsync();
        xml.WriteStartElement("gexf", Namespace);
        xml.WriteAttributeString("version", "1.3");
        xml.WriteStartElement("meta", Namespace);
        xml.WriteAttributeString("lastmodifieddate", DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        xml.WriteElementString("creator", Namespace, "stakeholder-graph");
        xml.WriteElementString("description", Namespace, model.Shape == ExportShape.Statements
            ? "Statements, their sources and topics as nodes; every role an edge from its statement."
            : "Actors; one edge per statement kind between two actors, weighted by how many.");
        xml.WriteEndElement();

        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("defaultedgetype", "directed");
        xml.WriteAttributeString("mode", "dynamic");
        xml.WriteAttributeString("timeformat", "date");
        xml.WriteStartElement("attributes", Namespace);
        xml.WriteAttributeString("class", "node");
        xml.WriteAttributeString("mode", "static");
        foreach (var attribute in NodeAttributes)
        {
            xml.WriteStartElement("attribute", Namespace);
            xml.WriteAttributeString("id", attribute);
            xml.WriteAttributeString("title", attribute);
            xml.WriteAttributeString("type", "string");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();

        xml.WriteStartElement("nodes", Namespace);
        await foreach (var node in model.NodesAsync(cancellationToken))
        {
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", XmlText.Safe(node.Id));
            xml.WriteAttributeString("label", Label(node.Label));
            Spell(xml, node.SaidOn, node.SaidOn);
            xml.WriteStartElement("attvalues", Namespace);
            foreach (var (attribute, value) in new[]
            {
                ("type", node.Type), ("kind", node.Kind), ("aliases", node.Aliases), ("saidOn", node.SaidOn?.ToString()),
                ("quote", node.Quote), ("summary", node.Summary), ("url", node.Url), ("publisher", node.Publisher),
            })
            {
                if (value is not null)
                {
                    xml.WriteStartElement("attvalue", Namespace);
                    xml.WriteAttributeString("for", attribute);
                    xml.WriteAttributeString("value", XmlText.Safe(value));
                    xml.WriteEndElement();
                }
            }

            xml.WriteEndElement();
            Colour(xml, NodeColours.TryGetValue(node.Type, out var colour) ? colour : Grey);
            xml.WriteEndElement();
            await XmlText.FlushNowAndThenAsync(xml);
        }

        xml.WriteEndElement();
        xml.WriteStartElement("edges", Namespace);
        var number = 0;
        await foreach (var edge in model.EdgesAsync(cancellationToken))
        {
            xml.WriteStartElement("edge", Namespace);
            xml.WriteAttributeString("id", "e" + (++number).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("source", XmlText.Safe(edge.Source));
            xml.WriteAttributeString("target", XmlText.Safe(edge.Target));
            xml.WriteAttributeString("label", edge.Role);
            if (edge.Kind is not null)
            {
                xml.WriteAttributeString("kind", edge.Kind);
            }

            xml.WriteAttributeString("weight", (edge.Weight ?? 1).ToString(CultureInfo.InvariantCulture));
            Spell(xml, edge.FirstSaidOn, edge.LastSaidOn);
            Colour(xml, edge.Kind is { } kind && Enum.TryParse<StatementKind>(kind.Replace("_", "", StringComparison.Ordinal), true, out var parsed)
                ? Palette[(int)parsed % Palette.Length]
                : Grey);
            xml.WriteEndElement();
            await XmlText.FlushNowAndThenAsync(xml);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    /// <summary>A label as GEXF's token type keeps it: one line, single spaces.</summary>
    private static string Label(string label) => string.Join(' ', XmlText.Safe(label).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static void Spell(XmlWriter xml, PartialDate? first, PartialDate? last)
    {
        if (first is null || last is null)
        {
            return;
        }

        xml.WriteStartElement("spells", Namespace);
        xml.WriteStartElement("spell", Namespace);
        xml.WriteAttributeString("start", first.Value.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        xml.WriteAttributeString("end", last.Value.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Colour(XmlWriter xml, (byte R, byte G, byte B) colour)
    {
        xml.WriteStartElement("color", Namespace);
        xml.WriteAttributeString("r", colour.R.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("g", colour.G.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("b", colour.B.ToString(CultureInfo.InvariantCulture));
        xml.WriteEndElement();
    }
}
