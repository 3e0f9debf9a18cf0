using System.Globalization;
using System.Text;
using System.Xml;
using Graph.Projection.Model;
using Graph.Projection.Reading;

namespace Graph.Host.Export;

/// <summary>What a graph export draws: statements as nodes of their own, or statements collapsed into actor edges.</summary>
public enum ExportShape
{
    /// <summary>Actors, statements, sources and topics as nodes; every role as an edge from the statement.</summary>
    Statements,

    /// <summary>Actors only: one weighted edge per speaker, addressee and kind, with the first and last dates said.</summary>
    Actors,
}

/// <summary>
/// GraphML (Cytoscape desktop, yEd, NetworkX, Gephi), written as it is read: statements a page at a time, never the
/// whole store in memory. Attribute keys are typed; node ids carry their type (<c>actor:aclu</c>,
/// <c>statement:…</c>, <c>source:…</c>, <c>topic:…</c>) so no two collide. Text that XML cannot hold (control
/// characters, lone surrogates) is left out, so the file is well-formed for any data.
/// </summary>
public sealed class GraphMLExporter(IGraphReader reader)
{
    public const string MediaType = "application/graphml+xml";
    private const string Namespace = "http://graphml.graphdrawing.org/xmlns";
    private const int PageSize = 5_000;

    private static readonly (string Id, string For, string Name, string Type)[] Keys =
    [
        ("label", "node", "label", "string"),
        ("type", "node", "type", "string"),
        ("kind", "all", "kind", "string"),
        ("aliases", "node", "aliases", "string"),
        ("saidOn", "all", "saidOn", "string"),
        ("quote", "node", "quote", "string"),
        ("summary", "node", "summary", "string"),
        ("confidence", "node", "confidence", "double"),
        ("retracted", "node", "retracted", "boolean"),
        ("url", "node", "url", "string"),
        ("publisher", "node", "publisher", "string"),
        ("role", "edge", "role", "string"),
        ("weight", "edge", "weight", "int"),
        ("firstSaidOn", "edge", "firstSaidOn", "string"),
        ("lastSaidOn", "edge", "lastSaidOn", "string"),
    ];

    public async Task WriteAsync(Stream output, StatementFilter? filter, ExportShape shape, CancellationToken cancellationToken)
    {
        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false) };
        await using var xml = XmlWriter.Create(output, settings);
        await xml.WriteStartDocumentAsync();
        xml.WriteStartElement("graphml", Namespace);
        foreach (var (id, @for, name, type) in Keys)
        {
            xml.WriteStartElement("key", Namespace);
            xml.WriteAttributeString("id", id);
            xml.WriteAttributeString("for", @for);
            xml.WriteAttributeString("attr.name", name);
            xml.WriteAttributeString("attr.type", type);
            xml.WriteEndElement();
        }

        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("id", shape == ExportShape.Statements ? "statements" : "actors");
        xml.WriteAttributeString("edgedefault", "directed");
        if (shape == ExportShape.Actors)
        {
            await WriteActorNetworkAsync(xml, filter, cancellationToken);
        }
        else
        {
            await WriteStatementsAsync(xml, filter, cancellationToken);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    private async Task WriteActorNetworkAsync(XmlWriter xml, StatementFilter? filter, CancellationToken cancellationToken)
    {
        var network = await reader.GetActorNetworkAsync(filter ?? StatementFilter.All, int.MaxValue, cancellationToken);
        foreach (var actor in network.Nodes.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            WriteActor(xml, actor);
        }

        var edge = 0;
        foreach (var link in network.Edges)
        {
            xml.WriteStartElement("edge", Namespace);
            xml.WriteAttributeString("id", $"e{++edge}");
            xml.WriteAttributeString("source", "actor:" + link.Source);
            xml.WriteAttributeString("target", "actor:" + link.Target);
            Data(xml, "kind", GraphEnums.Name(link.Kind));
            Data(xml, "weight", link.Count.ToString(CultureInfo.InvariantCulture));
            Data(xml, "firstSaidOn", link.FirstSaidOn?.ToString());
            Data(xml, "lastSaidOn", link.LastSaidOn?.ToString());
            xml.WriteEndElement();
        }
    }

    private async Task WriteStatementsAsync(XmlWriter xml, StatementFilter? filter, CancellationToken cancellationToken)
    {
        var matching = filter ?? StatementFilter.All with { IncludeRetracted = true };

        // The actors first, so every edge meets nodes already written: all of them, or with a filter those the
        // matching statements involve (a first pass that keeps only their ids).
        IReadOnlyList<ActorView> actors;
        if (filter is null)
        {
            actors = await reader.FindActorsAsync("", null, int.MaxValue, cancellationToken);
        }
        else
        {
            var involved = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var statement in PagesAsync(matching, StatementParts.None, cancellationToken))
            {
                involved.UnionWith(statement.ActorIds);
            }

            actors = await reader.GetActorsAsync(involved, cancellationToken);
        }

        var written = actors.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var actor in actors.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            WriteActor(xml, actor);
        }

        var edge = 0;
        foreach (var actor in actors.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            var links = actor switch
            {
                OrganisationView { ParentId: { } parent } when written.Contains(parent) => [(parent, "PART_OF")],
                PersonView person => person.Affiliations.Where(a => written.Contains(a.OrganisationId)).Select(a => (a.OrganisationId, "AFFILIATED_WITH")),
                _ => [],
            };
            foreach (var (target, role) in links)
            {
                Edge(xml, ++edge, "actor:" + actor.Id, "actor:" + target, role);
            }
        }

        var topics = new HashSet<string>(StringComparer.Ordinal);
        var sources = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var s in PagesAsync(matching, StatementParts.Texts | StatementParts.Topics | StatementParts.Sources, cancellationToken))
        {
            var id = "statement:" + s.Id;
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", id);
            Data(xml, "label", s.Summary ?? s.Quote ?? s.Id);
            Data(xml, "type", "statement");
            Data(xml, "kind", GraphEnums.Name(s.Kind));
            Data(xml, "saidOn", s.SaidOn?.ToString());
            Data(xml, "quote", s.Quote);
            Data(xml, "summary", s.Summary);
            Data(xml, "confidence", s.Confidence?.ToString("R", CultureInfo.InvariantCulture));
            Data(xml, "retracted", s.Retraction is null ? "false" : "true");
            xml.WriteEndElement();
            foreach (var topic in s.Topics.Where(t => topics.Add(t.Id)))
            {
                Node(xml, "topic:" + topic.Id, "topic", topic.Name);
            }

            foreach (var source in s.Sources.Where(x => sources.Add(x.Id)))
            {
                xml.WriteStartElement("node", Namespace);
                xml.WriteAttributeString("id", "source:" + source.Id);
                Data(xml, "label", source.Title ?? source.Publisher ?? source.Url ?? source.Id);
                Data(xml, "type", "source");
                Data(xml, "url", source.Url);
                Data(xml, "publisher", source.Publisher);
                xml.WriteEndElement();
            }

            var roles = new[] { (s.SpeakerId, "SPEAKER") }
                .Concat(s.OnBehalfOfId is { } behalf ? [(behalf, "ON_BEHALF_OF")] : [])
                .Concat(s.AddresseeIds.Select(a => (a, "ADDRESSEE")))
                .Concat(s.ExemplarIds.Select(a => (a, "EXEMPLAR")))
                .Concat(s.BeneficiaryIds.Select(a => (a, "BENEFICIARY")))
                .Concat(s.SubjectIds.Select(a => (a, "SUBJECT")));
            foreach (var (actor, role) in roles.Where(r => written.Contains(r.Item1)))
            {
                Edge(xml, ++edge, id, "actor:" + actor, role);
            }

            foreach (var topic in s.Topics)
            {
                Edge(xml, ++edge, id, "topic:" + topic.Id, "TOPIC");
            }

            foreach (var source in s.Sources)
            {
                Edge(xml, ++edge, id, "source:" + source.Id, "SOURCE");
            }

            // An answer to a statement outside the export has nothing to point at; GraphML keys refuse dangling ends.
            if (s.RespondsToId is { } answered && filter is null)
            {
                Edge(xml, ++edge, id, "statement:" + answered, "RESPONDS_TO");
            }

            await xml.FlushAsync();
        }
    }

    private async IAsyncEnumerable<StatementView> PagesAsync(
        StatementFilter filter, StatementParts parts, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var skip = 0; ; skip += PageSize)
        {
            var page = await reader.FindStatementsAsync(filter, StatementOrder.RecordedAtAscending, skip, PageSize, parts, cancellationToken);
            foreach (var statement in page.Items)
            {
                yield return statement;
            }

            if (page.Items.Count < PageSize)
            {
                yield break;
            }
        }
    }

    private static void WriteActor(XmlWriter xml, ActorView actor)
    {
        xml.WriteStartElement("node", Namespace);
        xml.WriteAttributeString("id", "actor:" + actor.Id);
        Data(xml, "label", actor.Name);
        Data(xml, "type", actor is OrganisationView ? "organisation" : "person");
        Data(xml, "kind", actor is OrganisationView organisation ? GraphEnums.Name(organisation.Kind) : null);
        Data(xml, "aliases", actor.Aliases.Count == 0 ? null : string.Join("; ", actor.Aliases));
        xml.WriteEndElement();
    }

    private static void Node(XmlWriter xml, string id, string type, string label)
    {
        xml.WriteStartElement("node", Namespace);
        xml.WriteAttributeString("id", id);
        Data(xml, "label", label);
        Data(xml, "type", type);
        xml.WriteEndElement();
    }

    private static void Edge(XmlWriter xml, int number, string source, string target, string role)
    {
        xml.WriteStartElement("edge", Namespace);
        xml.WriteAttributeString("id", $"e{number}");
        xml.WriteAttributeString("source", source);
        xml.WriteAttributeString("target", target);
        Data(xml, "role", role);
        xml.WriteEndElement();
    }

    private static void Data(XmlWriter xml, string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        xml.WriteStartElement("data", Namespace);
        xml.WriteAttributeString("key", key);
        xml.WriteString(XmlSafe(value));
        xml.WriteEndElement();
    }

    private static bool IsXmlSafe(string text)
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

    /// <summary>The text without the characters XML 1.0 cannot hold at all.</summary>
    public static string XmlSafe(string text)
    {
        if (IsXmlSafe(text))
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
}
