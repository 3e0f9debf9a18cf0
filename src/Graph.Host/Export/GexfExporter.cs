using System.Globalization;
using Graph.Abstractions.Statements;

namespace Graph.Host.Export;

/// <summary>
/// GEXF 1.3 for Gephi, dynamic: each statement (and each edge from it) lives for the days its date covers, and in the
/// actors shape each edge from the first to the last date said, so Gephi's timeline plays the network. Edges carry the
/// statement kind as their <c>kind</c>, the role as their label, a weight, and a colour per kind; nodes a colour per type.
/// </summary>
public static class GexfExporter
{
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
        await using var xml = new XmlOut(output, Namespace);
        await xml.StartDocumentAsync("gexf");
        await xml.AttributeAsync("version", "1.3");
        await xml.StartAsync("meta");
        await xml.AttributeAsync("lastmodifieddate", DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await xml.ElementAsync("creator", "stakeholder-graph");
        await xml.ElementAsync("description", model.Shape == ExportShape.Statements
            ? "Statements, their sources and topics as nodes; every role an edge from its statement."
            : "Actors; one edge per statement kind between two actors, weighted by how many.");
        await xml.EndAsync();

        await xml.StartAsync("graph");
        await xml.AttributeAsync("defaultedgetype", "directed");
        await xml.AttributeAsync("mode", "dynamic");
        await xml.AttributeAsync("timeformat", "date");
        await xml.StartAsync("attributes");
        await xml.AttributeAsync("class", "node");
        await xml.AttributeAsync("mode", "static");
        foreach (var attribute in NodeAttributes)
        {
            await xml.StartAsync("attribute");
            await xml.AttributeAsync("id", attribute);
            await xml.AttributeAsync("title", attribute);
            await xml.AttributeAsync("type", "string");
            await xml.EndAsync();
        }

        await xml.EndAsync();

        await xml.StartAsync("nodes");
        await foreach (var node in model.NodesAsync(cancellationToken))
        {
            await xml.StartAsync("node");
            await xml.AttributeAsync("id", node.Id);
            await xml.AttributeAsync("label", Label(node.Label));
            await SpellAsync(xml, node.SaidOn, node.SaidOn);
            await xml.StartAsync("attvalues");
            foreach (var (attribute, value) in new[]
            {
                ("type", node.Type), ("kind", node.Kind), ("aliases", node.Aliases), ("saidOn", node.SaidOn?.ToString()),
                ("quote", node.Quote), ("summary", node.Summary), ("url", node.Url), ("publisher", node.Publisher),
            })
            {
                if (value is not null)
                {
                    await xml.StartAsync("attvalue");
                    await xml.AttributeAsync("for", attribute);
                    await xml.AttributeAsync("value", value);
                    await xml.EndAsync();
                }
            }

            await xml.EndAsync();
            await ColourAsync(xml, NodeColours.TryGetValue(node.Type, out var colour) ? colour : Grey);
            await xml.EndAsync();
        }

        await xml.EndAsync();
        await xml.StartAsync("edges");
        var number = 0;
        await foreach (var edge in model.EdgesAsync(cancellationToken))
        {
            await xml.StartAsync("edge");
            await xml.AttributeAsync("id", "e" + (++number).ToString(CultureInfo.InvariantCulture));
            await xml.AttributeAsync("source", edge.Source);
            await xml.AttributeAsync("target", edge.Target);
            await xml.AttributeAsync("label", edge.Role);
            if (edge.KindName is { } kind)
            {
                await xml.AttributeAsync("kind", kind);
            }

            await xml.AttributeAsync("weight", (edge.Weight ?? 1).ToString(CultureInfo.InvariantCulture));
            await SpellAsync(xml, edge.FirstSaidOn, edge.LastSaidOn);
            await ColourAsync(xml, edge.Kind is { } statementKind ? Palette[(int)statementKind % Palette.Length] : Grey);
            await xml.EndAsync();
        }

        await xml.EndAsync();
        await xml.EndAsync();
        await xml.EndDocumentAsync();
    }

    /// <summary>A label as GEXF's token type keeps it: one line, single spaces.</summary>
    private static string Label(string label) => string.Join(' ', label.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static async Task SpellAsync(XmlOut xml, PartialDate? first, PartialDate? last)
    {
        if (first is null || last is null)
        {
            return;
        }

        await xml.StartAsync("spells");
        await xml.StartAsync("spell");
        await xml.AttributeAsync("start", first.Value.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await xml.AttributeAsync("end", last.Value.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await xml.EndAsync();
        await xml.EndAsync();
    }

    private static async Task ColourAsync(XmlOut xml, (byte R, byte G, byte B) colour)
    {
        await xml.StartAsync("color");
        await xml.AttributeAsync("r", colour.R.ToString(CultureInfo.InvariantCulture));
        await xml.AttributeAsync("g", colour.G.ToString(CultureInfo.InvariantCulture));
        await xml.AttributeAsync("b", colour.B.ToString(CultureInfo.InvariantCulture));
        await xml.EndAsync();
    }
}
