using System.Globalization;
using Graph.Abstractions.Actors;
using Graph.Abstractions.Organisations;
using Graph.Abstractions.Statements;
using Graph.Projection.Model;
using Graph.Projection.Reading;

namespace Graph.Projection.Embedded;

/// <summary>Answers the API's questions from the in-memory graph.</summary>
public sealed class EmbeddedGraphReader(InMemoryGraph graph) : IGraphReader
{
    /// <inheritdoc/>
    public Task<IReadOnlyList<ActorView>> GetActorsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ActorView>>(graph.Read(g => ids
            .Select(g.Node)
            .OfType<GraphNode>()
            .Where(n => n.HasLabel(NodeLabels.Actor))
            .Select(ToActor)
            .ToList()));

    /// <inheritdoc/>
    public Task<IReadOnlyList<ActorView>> FindActorsAsync(string text, ActorType? type, int limit, CancellationToken cancellationToken = default)
    {
        var wanted = ActorNames.Normalise(text);
        var label = type switch
        {
            ActorType.Organisation => NodeLabels.Organisation,
            ActorType.Person => NodeLabels.Person,
            _ => NodeLabels.Actor,
        };
        return Task.FromResult<IReadOnlyList<ActorView>>(graph.Read(g =>
        {
            var exact = g.ActorsNamed(wanted).Where(n => n.HasLabel(label)).OrderBy(n => n.Id, StringComparer.Ordinal);
            var partial = g.NodesWithLabel(label)
                .Where(n => !exact.Contains(n) && NormalisedNames(n).Any(name => name.Contains(wanted, StringComparison.Ordinal)))
                .OrderBy(n => n.GetString("normalisedName"), StringComparer.Ordinal)
                .ThenBy(n => n.Id, StringComparer.Ordinal);
            return exact.Concat(partial).Take(limit).Select(ToActor).ToList();
        }));
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<StatementView>> GetStatementsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StatementView>>(graph.Read(g => ids
            .Select(g.Node)
            .OfType<GraphNode>()
            .Where(n => n.HasLabel(NodeLabels.Statement))
            .Select(ToStatement)
            .ToList()));

    /// <inheritdoc/>
    public Task<StatementPage> FindStatementsAsync(StatementFilter filter, int skip, int take, CancellationToken cancellationToken = default) =>
        Task.FromResult(graph.Read(g =>
        {
            var matches = Candidates(g, filter)
                .Where(n => Matches(n, filter))
                .OrderBy(n => n.GetString("saidOnStart") is null ? 1 : 0)
                .ThenByDescending(n => n.GetString("saidOnStart"), StringComparer.Ordinal)
                .ThenBy(n => n.Id, StringComparer.Ordinal)
                .ToList();
            return new StatementPage([.. matches.Skip(skip).Take(take).Select(ToStatement)], matches.Count);
        }));

    /// <inheritdoc/>
    public Task<IReadOnlyList<OrganisationView>> GetPartsAsync(string organisationId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<OrganisationView>>(graph.Read(g =>
            (g.Node(organisationId)?.In(RelationshipTypes.PartOf) ?? [])
                .OrderBy(r => r.From.GetString("normalisedName"), StringComparer.Ordinal)
                .ThenBy(r => r.From.Id, StringComparer.Ordinal)
                .Select(r => (OrganisationView)ToActor(r.From))
                .ToList()));

    /// <inheritdoc/>
    public Task<IReadOnlyList<AffiliationView>> GetMembersAsync(string organisationId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AffiliationView>>(graph.Read(g =>
            (g.Node(organisationId)?.In(RelationshipTypes.AffiliatedWith) ?? [])
                .Select(ToAffiliation)
                .OrderBy(a => a, AffiliationOrder.ByPerson)
                .ToList()));

    private static IEnumerable<GraphNode> Candidates(InMemoryGraph g, StatementFilter filter)
    {
        // Start from the most selective actor the filter names, as a graph database would.
        (string? Id, string Type, bool Outgoing)[] anchors =
        [
            (filter.SpeakerId, RelationshipTypes.Made, false),
            (filter.AddresseeId, RelationshipTypes.AddressedTo, true),
            (filter.ExemplarId, RelationshipTypes.CitesExemplar, true),
            (filter.BeneficiaryId, RelationshipTypes.Benefits, true),
            (filter.SubjectId, RelationshipTypes.Concerns, true),
            (filter.TopicId, RelationshipTypes.About, true),
        ];
        foreach (var (id, type, statementIsSource) in anchors)
        {
            if (id is null)
            {
                continue;
            }

            var anchor = g.Node(id);
            if (anchor is null)
            {
                return [];
            }

            return statementIsSource
                ? anchor.In(type).Select(r => r.From).Distinct()
                : anchor.Out(type).Select(r => r.To).Distinct();
        }

        return g.NodesWithLabel(NodeLabels.Statement);
    }

    private static bool Matches(GraphNode statement, StatementFilter filter)
    {
        if (!filter.IncludeRetracted && statement.Properties.GetValueOrDefault("retracted") is true)
        {
            return false;
        }

        if (filter.Kinds is { Count: > 0 } kinds && !kinds.Contains(GraphEnums.Parse<StatementKind>(statement.GetString("kind")!)))
        {
            return false;
        }

        if (!HasRole(statement, RelationshipTypes.Made, filter.SpeakerId, incoming: true)
            || !HasRole(statement, RelationshipTypes.AddressedTo, filter.AddresseeId)
            || !HasRole(statement, RelationshipTypes.CitesExemplar, filter.ExemplarId)
            || !HasRole(statement, RelationshipTypes.Benefits, filter.BeneficiaryId)
            || !HasRole(statement, RelationshipTypes.Concerns, filter.SubjectId)
            || !HasRole(statement, RelationshipTypes.About, filter.TopicId))
        {
            return false;
        }

        if (filter.HasExemplar is { } hasExemplar && statement.Out(RelationshipTypes.CitesExemplar).Any() != hasExemplar)
        {
            return false;
        }

        if (filter.SaidFrom is not null || filter.SaidTo is not null)
        {
            var start = statement.GetString("saidOnStart");
            var end = statement.GetString("saidOnEnd");
            if (start is null || end is null)
            {
                return false;
            }

            if (filter.SaidFrom is { } from && string.CompareOrdinal(end, IsoDate(from)) < 0)
            {
                return false;
            }

            if (filter.SaidTo is { } to && string.CompareOrdinal(start, IsoDate(to)) > 0)
            {
                return false;
            }
        }

        if (!string.IsNullOrWhiteSpace(filter.Text)
            && !(statement.GetString("quote")?.Contains(filter.Text, StringComparison.OrdinalIgnoreCase) ?? false)
            && !(statement.GetString("summary")?.Contains(filter.Text, StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return false;
        }

        return true;
    }

    private static bool HasRole(GraphNode statement, string type, string? actorId, bool incoming = false) =>
        actorId is null
        || (incoming
            ? statement.In(type).Any(r => r.From.Id == actorId)
            : statement.Out(type).Any(r => r.To.Id == actorId));

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IEnumerable<string> NormalisedNames(GraphNode actor) =>
        (actor.Properties.GetValueOrDefault("normalisedAliases") as string[] ?? []).Prepend(actor.GetString("normalisedName") ?? "");

    private static ActorView ToActor(GraphNode node)
    {
        var aliases = node.Properties.GetValueOrDefault("aliases") as string[] ?? [];
        if (node.HasLabel(NodeLabels.Organisation))
        {
            return new OrganisationView(
                node.Id,
                node.GetString("name")!,
                aliases,
                GraphEnums.Parse<OrganisationKind>(node.GetString("kind")!),
                node.Out(RelationshipTypes.PartOf).FirstOrDefault()?.To.Id,
                [.. (node.Properties.GetValueOrDefault("externalIds") as string[] ?? []).Select(ParseExternalId)]);
        }

        return new PersonView(
            node.Id,
            node.GetString("name")!,
            aliases,
            [.. node.Out(RelationshipTypes.AffiliatedWith).Select(ToAffiliation).Order(AffiliationOrder.ByOrganisation)]);
    }

    private static ExternalId ParseExternalId(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return new ExternalId(value[..colon], value[(colon + 1)..]);
    }

    private static AffiliationView ToAffiliation(GraphRelationship affiliation) => new(
        affiliation.From.Id,
        affiliation.To.Id,
        affiliation.Properties.GetValueOrDefault("role") as string,
        ParseDate(affiliation.Properties.GetValueOrDefault("from") as string),
        ParseDate(affiliation.Properties.GetValueOrDefault("to") as string));

    private static PartialDate? ParseDate(string? value) => value is null ? null : PartialDate.Parse(value);

    private static StatementView ToStatement(GraphNode node)
    {
        IReadOnlyList<ActorView> Role(string type) =>
            [.. node.Out(type).OrderBy(r => r.Ordinal).Select(r => ToActor(r.To))];

        var retracted = node.Properties.GetValueOrDefault("retracted") is true;
        return new StatementView(
            node.Id,
            GraphEnums.Parse<StatementKind>(node.GetString("kind")!),
            node.GetString("cameoCode")!,
            ToActor(node.In(RelationshipTypes.Made).First().From),
            node.Out(RelationshipTypes.OnBehalfOf).Select(r => (OrganisationView)ToActor(r.To)).FirstOrDefault(),
            Role(RelationshipTypes.AddressedTo),
            Role(RelationshipTypes.CitesExemplar),
            Role(RelationshipTypes.Benefits),
            Role(RelationshipTypes.Concerns),
            [.. node.Out(RelationshipTypes.About).OrderBy(r => r.Ordinal).Select(r => new TopicView(r.To.Id, r.To.GetString("name")!))],
            node.Out(RelationshipTypes.RespondsTo).FirstOrDefault()?.To.Id,
            node.GetString("quote"),
            node.GetString("summary"),
            ParseDate(node.GetString("saidOn")),
            [.. node.Out(RelationshipTypes.SupportedBy).OrderBy(r => r.Ordinal).Select(r => new SourceView(
                r.To.Id,
                r.To.GetString("url"),
                r.To.GetString("title"),
                r.To.GetString("publisher"),
                ParseDate(r.To.GetString("publishedOn")),
                (int?)(r.Properties.GetValueOrDefault("quoteStart") as long?),
                (int?)(r.Properties.GetValueOrDefault("quoteEnd") as long?)))],
            DateTimeOffset.Parse(node.GetString("recordedAt")!, CultureInfo.InvariantCulture),
            node.Properties.GetValueOrDefault("confidence") as double?,
            retracted
                ? new RetractionView(node.GetString("retractionReason"), DateTimeOffset.Parse(node.GetString("retractedAt")!, CultureInfo.InvariantCulture))
                : null);
    }
}
