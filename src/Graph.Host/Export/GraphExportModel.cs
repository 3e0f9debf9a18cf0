using System.Runtime.CompilerServices;
using Graph.Abstractions.Statements;
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

/// <summary>A node of a graph export; ids carry their type (<c>actor:aclu</c>, <c>statement:…</c>), so none collide.</summary>
public sealed record ExportNode(
    string Id,
    string Type,
    string Label,
    string? Kind = null,
    string? Aliases = null,
    PartialDate? SaidOn = null,
    string? Quote = null,
    string? Summary = null,
    double? Confidence = null,
    bool? Retracted = null,
    string? Url = null,
    string? Publisher = null,
    string? Parent = null);

/// <summary>
/// An edge of a graph export: a role from a statement (with the statement's kind and date), a structural link, or in
/// the actors shape every statement of one kind between two actors (with how many, and the first and last dates).
/// </summary>
public sealed record ExportEdge(
    string Source, string Target, string Role, StatementKind? Kind = null, int? Weight = null, PartialDate? FirstSaidOn = null, PartialDate? LastSaidOn = null)
{
    /// <summary>The statement kind as the API names it (<c>APPEAL</c>).</summary>
    public string? KindName => Kind is { } kind ? GraphEnums.Name(kind) : null;
}

/// <summary>
/// The nodes, then the edges, of a graph export of the whole store or of the statements a filter matches, read a page
/// of statements at a time (twice: once for the nodes, once for the edges), so no writer holds the store in memory.
/// Every edge's ends are among the nodes.
/// </summary>
public sealed class GraphExportModel(IGraphReader reader, StatementFilter? filter, ExportShape shape)
{
    private const int PageSize = 5_000;

    private readonly StatementFilter _matching = filter ?? StatementFilter.All with { IncludeRetracted = true };
    private IReadOnlyList<ActorView>? _actors;
    private ActorNetworkView? _network;
    private HashSet<string>? _statementIds;

    public ExportShape Shape => shape;

    public async IAsyncEnumerable<ExportNode> NodesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (shape == ExportShape.Actors)
        {
            var nodes = (await NetworkAsync(cancellationToken)).Nodes;
            var inNetwork = nodes.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var actor in nodes.OrderBy(a => a.Id, StringComparer.Ordinal))
            {
                yield return Actor(actor, inNetwork);
            }

            yield break;
        }

        var actors = await ActorsAsync(cancellationToken);
        var exported = actors.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var actor in actors)
        {
            yield return Actor(actor, exported);
        }

        var topics = new HashSet<string>(StringComparer.Ordinal);
        var sources = new HashSet<string>(StringComparer.Ordinal);
        _statementIds = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var s in StatementsAsync(StatementParts.Texts | StatementParts.Topics | StatementParts.Sources, cancellationToken))
        {
            _statementIds.Add(s.Id);
            yield return new ExportNode(
                "statement:" + s.Id, "statement", s.Summary ?? s.Quote ?? s.Id, GraphEnums.Name(s.Kind),
                SaidOn: s.SaidOn, Quote: s.Quote, Summary: s.Summary, Confidence: s.Confidence, Retracted: s.Retraction is not null);
            foreach (var topic in s.Topics.Where(t => topics.Add(t.Id)))
            {
                yield return new ExportNode("topic:" + topic.Id, "topic", topic.Name);
            }

            foreach (var source in s.Sources.Where(x => sources.Add(x.Id)))
            {
                yield return new ExportNode(
                    "source:" + source.Id, "source", source.Title ?? source.Publisher ?? source.Url ?? source.Id, Url: source.Url, Publisher: source.Publisher);
            }
        }
    }

    /// <summary>The edges; call after <see cref="NodesAsync"/> has been read to the end.</summary>
    public async IAsyncEnumerable<ExportEdge> EdgesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (shape == ExportShape.Actors)
        {
            foreach (var link in (await NetworkAsync(cancellationToken)).Edges)
            {
                yield return new ExportEdge(
                    "actor:" + link.Source, "actor:" + link.Target, GraphEnums.Name(link.Kind), link.Kind, link.Count, link.FirstSaidOn, link.LastSaidOn);
            }

            yield break;
        }

        var actors = await ActorsAsync(cancellationToken);
        var present = actors.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var actor in actors)
        {
            var links = actor switch
            {
                OrganisationView { ParentId: { } parent } when present.Contains(parent) => [(parent, "PART_OF")],
                PersonView person => person.Affiliations.Where(a => present.Contains(a.OrganisationId)).Select(a => (a.OrganisationId, "AFFILIATED_WITH")).Distinct(),
                _ => [],
            };
            foreach (var (target, role) in links)
            {
                yield return new ExportEdge("actor:" + actor.Id, "actor:" + target, role);
            }
        }

        await foreach (var s in StatementsAsync(StatementParts.Topics | StatementParts.Sources, cancellationToken))
        {
            var id = "statement:" + s.Id;
            var kind = s.Kind;
            var roles = new[] { (s.SpeakerId, "SPEAKER") }
                .Concat(s.OnBehalfOfId is { } behalf ? [(behalf, "ON_BEHALF_OF")] : [])
                .Concat(s.AddresseeIds.Select(a => (a, "ADDRESSEE")))
                .Concat(s.ExemplarIds.Select(a => (a, "EXEMPLAR")))
                .Concat(s.BeneficiaryIds.Select(a => (a, "BENEFICIARY")))
                .Concat(s.SubjectIds.Select(a => (a, "SUBJECT")));
            foreach (var (actor, role) in roles.Where(r => present.Contains(r.Item1)))
            {
                yield return new ExportEdge(id, "actor:" + actor, role, kind, FirstSaidOn: s.SaidOn, LastSaidOn: s.SaidOn);
            }

            foreach (var topic in s.Topics)
            {
                yield return new ExportEdge(id, "topic:" + topic.Id, "TOPIC", kind, FirstSaidOn: s.SaidOn, LastSaidOn: s.SaidOn);
            }

            foreach (var source in s.Sources)
            {
                yield return new ExportEdge(id, "source:" + source.Id, "SOURCE", kind, FirstSaidOn: s.SaidOn, LastSaidOn: s.SaidOn);
            }

            // An answer to a statement outside the export has nothing to point at.
            if (s.RespondsToId is { } answered && _statementIds?.Contains(answered) == true)
            {
                yield return new ExportEdge(id, "statement:" + answered, "RESPONDS_TO", kind, FirstSaidOn: s.SaidOn, LastSaidOn: s.SaidOn);
            }
        }
    }

    /// <summary>An actor's node; an organisation's parent is named when it is exported too.</summary>
    private static ExportNode Actor(ActorView actor, HashSet<string> exported) => new(
        "actor:" + actor.Id,
        actor is OrganisationView ? "organisation" : "person",
        actor.Name,
        actor is OrganisationView organisation ? GraphEnums.Name(organisation.Kind) : null,
        actor.Aliases.Count == 0 ? null : string.Join("; ", actor.Aliases),
        Parent: actor is OrganisationView { ParentId: { } parent } && exported.Contains(parent) ? "actor:" + parent : null);

    private async Task<ActorNetworkView> NetworkAsync(CancellationToken cancellationToken) =>
        _network ??= await reader.GetActorNetworkAsync(filter ?? StatementFilter.All, int.MaxValue, cancellationToken);

    /// <summary>Every actor, or with a filter those the matching statements involve (a pass keeping only their ids).</summary>
    private async Task<IReadOnlyList<ActorView>> ActorsAsync(CancellationToken cancellationToken)
    {
        if (_actors is not null)
        {
            return _actors;
        }

        IReadOnlyList<ActorView> actors;
        if (filter is null)
        {
            actors = await reader.FindActorsAsync(ActorSearch.Everyone, cancellationToken);
        }
        else
        {
            var involved = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var statement in StatementsAsync(StatementParts.None, cancellationToken))
            {
                involved.UnionWith(statement.ActorIds);
            }

            actors = await reader.GetActorsAsync(involved, cancellationToken);
        }

        return _actors = [.. actors.OrderBy(a => a.Id, StringComparer.Ordinal)];
    }

    private async IAsyncEnumerable<StatementView> StatementsAsync(StatementParts parts, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var skip = 0; ; skip += PageSize)
        {
            var page = await reader.FindStatementsAsync(_matching, StatementOrder.RecordedAtAscending, skip, PageSize, parts, cancellationToken);
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
}

/// <summary>A graph format an export can be written in: its content type, its file extension, and how to write it.</summary>
public sealed record GraphFormat(string ContentType, string Extension, Func<Stream, GraphExportModel, CancellationToken, Task> Write);

/// <summary>The graph formats an export can be written in, besides JSON Lines.</summary>
public static class GraphFormats
{
    public static IReadOnlyDictionary<string, GraphFormat> All { get; } = new Dictionary<string, GraphFormat>(StringComparer.Ordinal)
    {
        ["graphml"] = new("application/graphml+xml; charset=utf-8", "graphml", GraphMLExporter.WriteAsync),
        ["gexf"] = new("application/gexf+xml; charset=utf-8", "gexf", GexfExporter.WriteAsync),
        ["cytoscape"] = new("application/json; charset=utf-8", "json", (stream, model, ct) => CytoscapeExporter.WriteAsync(stream, model, compound: false, ct)),
        ["cytoscape-compound"] = new("application/json; charset=utf-8", "json", (stream, model, ct) => CytoscapeExporter.WriteAsync(stream, model, compound: true, ct)),
        ["kumu"] = new("application/zip", "zip", KumuExporter.WriteZipAsync),
    };

    /// <summary>What every export format is, for messages that list them.</summary>
    public const string Described = "jsonl (JSON Lines that import as they are, the default), graphml (Cytoscape desktop, yEd, NetworkX), "
        + "gexf (Gephi, dynamic: its timeline plays the statements' dates), cytoscape (Cytoscape.js elements), cytoscape-compound "
        + "(the same, organisations drawn as compound parents of their parts) or kumu (elements.csv and connections.csv for Kumu or "
        + "any spreadsheet: a ZIP over HTTP, a folder from the command line)";
}
