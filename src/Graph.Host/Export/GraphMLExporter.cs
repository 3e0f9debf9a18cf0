using System.Globalization;
using System.Text;
using System.Xml;

namespace Graph.Host.Export;

/// <summary>
/// GraphML (Cytoscape desktop, yEd, NetworkX), with typed attribute keys, written as the model reads the store.
/// </summary>
public static class GraphMLExporter
{
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
        await using var xml = new XmlOut(output, Namespace);
        await xml.StartDocumentAsync("graphml");
        foreach (var (id, @for, type) in Keys)
        {
            await xml.StartAsync("key");
            await xml.AttributeAsync("id", id);
            await xml.AttributeAsync("for", @for);
            await xml.AttributeAsync("attr.name", id);
            await xml.AttributeAsync("attr.type", type);
            await xml.EndAsync();
        }

        await xml.StartAsync("graph");
        await xml.AttributeAsync("id", model.Shape == ExportShape.Statements ? "statements" : "actors");
        await xml.AttributeAsync("edgedefault", "directed");
        await foreach (var node in model.NodesAsync(cancellationToken))
        {
            await xml.StartAsync("node");
            await xml.AttributeAsync("id", node.Id);
            await DataAsync(xml, "label", node.Label);
            await DataAsync(xml, "type", node.Type);
            await DataAsync(xml, "kind", node.Kind);
            await DataAsync(xml, "aliases", node.Aliases);
            await DataAsync(xml, "saidOn", node.SaidOn?.ToString());
            await DataAsync(xml, "quote", node.Quote);
            await DataAsync(xml, "summary", node.Summary);
            await DataAsync(xml, "confidence", node.Confidence?.ToString("R", CultureInfo.InvariantCulture));
            await DataAsync(xml, "retracted", node.Retracted is { } retracted ? (retracted ? "true" : "false") : null);
            await DataAsync(xml, "url", node.Url);
            await DataAsync(xml, "publisher", node.Publisher);
            await xml.EndAsync();
        }

        var number = 0;
        await foreach (var edge in model.EdgesAsync(cancellationToken))
        {
            await xml.StartAsync("edge");
            await xml.AttributeAsync("id", "e" + (++number).ToString(CultureInfo.InvariantCulture));
            await xml.AttributeAsync("source", edge.Source);
            await xml.AttributeAsync("target", edge.Target);
            await DataAsync(xml, "role", edge.Weight is null ? edge.Role : null);
            await DataAsync(xml, "kind", edge.KindName);
            await DataAsync(xml, "weight", edge.Weight?.ToString(CultureInfo.InvariantCulture));
            await DataAsync(xml, "firstSaidOn", edge.Weight is null ? null : edge.FirstSaidOn?.ToString());
            await DataAsync(xml, "lastSaidOn", edge.Weight is null ? null : edge.LastSaidOn?.ToString());
            await xml.EndAsync();
        }

        await xml.EndDocumentAsync();
    }

    private static async Task DataAsync(XmlOut xml, string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        await xml.StartAsync("data");
        await xml.AttributeAsync("key", key);
        await xml.TextAsync(value);
        await xml.EndAsync();
    }
}

/// <summary>
/// An XML document written only with asynchronous calls, so it can stream into an HTTP response (which refuses
/// synchronous writes), in one namespace, leaving out every character XML 1.0 cannot hold (control characters, lone
/// surrogates), so the file is well-formed whatever the data.
/// </summary>
internal sealed class XmlOut(Stream output, string ns) : IAsyncDisposable
{
    private readonly XmlWriter _xml = XmlWriter.Create(output, new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false) });

    public async Task StartDocumentAsync(string root)
    {
        await _xml.WriteStartDocumentAsync();
        await StartAsync(root);
    }

    public Task StartAsync(string name) => _xml.WriteStartElementAsync(null, name, ns);

    public Task AttributeAsync(string name, string value) => _xml.WriteAttributeStringAsync(null, name, null, Safe(value));

    public Task TextAsync(string text) => _xml.WriteStringAsync(Safe(text));

    public Task ElementAsync(string name, string text) => _xml.WriteElementStringAsync(null, name, ns, Safe(text));

    public Task EndAsync() => _xml.WriteEndElementAsync();

    public async Task EndDocumentAsync()
    {
        await _xml.WriteEndDocumentAsync();
        await _xml.FlushAsync();
    }

    public ValueTask DisposeAsync() => _xml.DisposeAsync();

    /// <summary>The text without the characters XML 1.0 cannot hold at all.</summary>
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
