using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Graph.Projection.Model;
using Graph.Projection.Reading;

namespace Graph.Host.Export;

/// <summary>
/// Writes the graph, or the statements a filter matches with the actors they involve, as JSON Lines records that
/// import as they are: organisations (each after its parent), people, then statements (each after the one it answers),
/// every group in order of id, so the same store always exports the same lines.
/// </summary>
public sealed class GraphExporter(IGraphReader reader)
{
    private const int PageSize = 50_000;

    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The records as lines of JSON; with a filter, only matching statements and the actors they involve.</summary>
    public async IAsyncEnumerable<string> ExportAsync(StatementFilter? filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var statements = new List<StatementView>();
        for (var skip = 0; ; skip += PageSize)
        {
            var page = await reader.FindStatementsAsync(filter ?? StatementFilter.All with { IncludeRetracted = true }, StatementOrder.RecordedAtAscending, skip, PageSize,
                StatementParts.Texts | StatementParts.Topics | StatementParts.Sources, cancellationToken);
            statements.AddRange(page.Items);
            if (page.Items.Count < PageSize)
            {
                break;
            }
        }

        var actors = filter is null
            ? await reader.FindActorsAsync(ActorSearch.Everyone, cancellationToken)
            : await InvolvedAsync(statements, cancellationToken);

        foreach (var organisation in DependedOnFirst(actors.OfType<OrganisationView>(), o => o.Id, o => o.ParentId))
        {
            yield return Line(Organisation(organisation));
        }

        foreach (var person in actors.OfType<PersonView>().OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            yield return Line(Person(person));
        }

        foreach (var statement in DependedOnFirst(statements, s => s.Id, s => s.RespondsToId))
        {
            yield return Line(Statement(statement));
        }
    }

    /// <summary>The actors statements involve, with the organisations those are part of or affiliated with.</summary>
    private async Task<IReadOnlyList<ActorView>> InvolvedAsync(IReadOnlyList<StatementView> statements, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, ActorView>(StringComparer.Ordinal);
        var wanted = statements
            .SelectMany(s => s.ActorIds)
            .ToHashSet(StringComparer.Ordinal);
        while (wanted.Count > 0)
        {
            foreach (var actor in await reader.GetActorsAsync(wanted, cancellationToken))
            {
                found[actor.Id] = actor;
            }

            wanted = found.Values
                .SelectMany(a => a switch
                {
                    OrganisationView { ParentId: { } parent } => [parent],
                    PersonView p => p.Affiliations.Select(x => x.OrganisationId),
                    _ => [],
                })
                .Where(id => !found.ContainsKey(id))
                .ToHashSet(StringComparer.Ordinal);
        }

        return [.. found.Values];
    }

    /// <summary>
    /// Each item after the one it depends on (a part after its parent, an answer after what it answers), otherwise in
    /// order of id, so an import meets nothing it has not yet read.
    /// </summary>
    private static IEnumerable<T> DependedOnFirst<T>(IEnumerable<T> items, Func<T, string> id, Func<T, string?> dependsOn)
        where T : class
    {
        var byId = items.ToDictionary(id, StringComparer.Ordinal);
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in byId.Values.OrderBy(id, StringComparer.Ordinal))
        {
            // A log may hold a cycle of parents written before cycles were refused: the walk stops where it repeats.
            var chain = new Stack<T>();
            var inChain = new HashSet<string>(StringComparer.Ordinal);
            for (T? i = item; i is not null && !written.Contains(id(i)) && inChain.Add(id(i)); i = dependsOn(i) is { } d ? byId.GetValueOrDefault(d) : null)
            {
                chain.Push(i);
            }

            while (chain.TryPop(out var next))
            {
                if (written.Add(id(next)))
                {
                    yield return next;
                }
            }
        }
    }

    private static string Line(JsonObject record)
    {
        foreach (var empty in record.Where(p => p.Value is null || (p.Value is JsonArray { Count: 0 })).Select(p => p.Key).ToList())
        {
            record.Remove(empty);
        }

        return record.ToJsonString(Compact);
    }

    private static JsonObject Reference(string id) => new() { ["id"] = id };

    private static JsonArray References(IEnumerable<string> actorIds) => [.. actorIds.Select(id => (JsonNode)Reference(id))];

    private static JsonObject Organisation(OrganisationView o) => new()
    {
        ["type"] = "organisation",
        ["id"] = o.Id,
        ["name"] = o.Name,
        ["kind"] = GraphEnums.Name(o.Kind),
        ["aliases"] = new JsonArray([.. o.Aliases.Select(a => (JsonNode)a)]),
        ["parent"] = o.ParentId is { } parent ? Reference(parent) : null,
        ["externalIds"] = new JsonArray([.. o.ExternalIds.Select(x => (JsonNode)new JsonObject { ["scheme"] = x.Scheme, ["value"] = x.Value })]),
    };

    private static JsonObject Person(PersonView p) => new()
    {
        ["type"] = "person",
        ["id"] = p.Id,
        ["name"] = p.Name,
        ["aliases"] = new JsonArray([.. p.Aliases.Select(a => (JsonNode)a)]),
        ["affiliations"] = new JsonArray([.. p.Affiliations.Select(a => (JsonNode)Without(new JsonObject
        {
            ["organisation"] = Reference(a.OrganisationId),
            ["role"] = a.Role,
            ["from"] = a.From?.ToString(),
            ["to"] = a.To?.ToString(),
        }))]),
    };

    private static JsonObject Statement(StatementView s) => new()
    {
        ["type"] = "statement",
        ["id"] = s.Id,
        ["kind"] = GraphEnums.Name(s.Kind),
        ["cameoCode"] = s.CameoCode,
        ["speaker"] = Reference(s.SpeakerId),
        ["onBehalfOf"] = s.OnBehalfOfId is { } onBehalfOf ? Reference(onBehalfOf) : null,
        ["addressees"] = References(s.AddresseeIds),
        ["exemplars"] = References(s.ExemplarIds),
        ["beneficiaries"] = References(s.BeneficiaryIds),
        ["subjects"] = References(s.SubjectIds),
        ["topics"] = new JsonArray([.. s.Topics.Select(t => (JsonNode)t.Name)]),
        ["respondsTo"] = s.RespondsToId,
        ["quote"] = s.Quote,
        ["summary"] = s.Summary,
        ["saidOn"] = s.SaidOn?.ToString(),
        ["sources"] = new JsonArray([.. s.Sources.Select(x => (JsonNode)Without(new JsonObject
        {
            ["url"] = x.Url,
            ["title"] = x.Title,
            ["publisher"] = x.Publisher,
            ["publishedOn"] = x.PublishedOn?.ToString(),
            ["quoteStart"] = x.QuoteStart,
            ["quoteEnd"] = x.QuoteEnd,
        }))]),
        ["confidence"] = s.Confidence,
        ["retraction"] = s.Retraction is { } retraction ? Without(new JsonObject { ["reason"] = retraction.Reason }) : null,
    };

    private static JsonObject Without(JsonObject json)
    {
        foreach (var empty in json.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            json.Remove(empty);
        }

        return json;
    }
}
