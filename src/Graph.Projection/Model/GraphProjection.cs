using System.Globalization;
using Graph.Abstractions.Actors;
using Graph.Abstractions.Directory;
using Graph.Abstractions.Organisations;
using Graph.Abstractions.People;
using Graph.Abstractions.Statements;
using Graph.EventStore;

namespace Graph.Projection.Model;

/// <summary>Turns events into graph changes: the one mapping from the log to the graph model.</summary>
public static class GraphProjection
{
    private static readonly string[] OrganisationLabels = [NodeLabels.Organisation, NodeLabels.Actor];
    private static readonly string[] PersonLabels = [NodeLabels.Person, NodeLabels.Actor];
    private static readonly string[] StatementLabels = [NodeLabels.Statement];
    private static readonly string[] SourceLabels = [NodeLabels.Source];
    private static readonly string[] TopicLabels = [NodeLabels.Topic];
    private static readonly Dictionary<string, object?> NoProperties = [];

    /// <summary>The changes one stored event makes to the graph, in the order they must be applied.</summary>
    public static IEnumerable<GraphChange> ToChanges(StoredEvent stored) => stored.Event switch
    {
        OrganisationEvent e => FromOrganisation(e, stored.Position),
        PersonEvent e => FromPerson(e, stored.Position),
        StatementEvent e => FromStatement(e, stored.Position),
        DirectoryEvent => [],
        _ => throw new InvalidOperationException($"No projection for event {stored.Event.GetType().Name}."),
    };

    private static IEnumerable<GraphChange> FromOrganisation(OrganisationEvent e, long position)
    {
        var id = e.OrganisationId;
        switch (e)
        {
            case OrganisationRegistered r:
                yield return new NodeUpsert(id, OrganisationLabels, new Dictionary<string, object?>(7)
                {
                    ["id"] = id,
                    ["name"] = r.Name,
                    ["aliases"] = r.Aliases,
                    ["normalisedName"] = ActorNames.Normalise(r.Name),
                    ["normalisedAliases"] = NormalisedAll(r.Aliases),
                    ["kind"] = GraphEnums.Name(r.Kind),
                    ["externalIds"] = ExternalIds(r.ExternalIds),
                }, position);
                if (r.ParentId is not null)
                {
                    yield return new RelationshipUpsert(RelationshipTypes.PartOf, id, r.ParentId, null, NoProperties);
                }

                break;
            case OrganisationRenamed r:
                yield return new NodeUpsert(id, OrganisationLabels, Named(r.Name), position);
                break;
            case OrganisationAliasesChanged r:
                yield return new NodeUpsert(id, OrganisationLabels, Aliased(r.Aliases), position);
                break;
            case OrganisationReclassified r:
                yield return new NodeUpsert(id, OrganisationLabels, new Dictionary<string, object?> { ["kind"] = GraphEnums.Name(r.Kind) }, position);
                break;
            case OrganisationExternalIdsChanged r:
                yield return new NodeUpsert(id, OrganisationLabels, new Dictionary<string, object?> { ["externalIds"] = ExternalIds(r.ExternalIds) }, position);
                break;
            case OrganisationParentChanged r:
                if (r.PreviousParentId is not null)
                {
                    yield return new RelationshipRemoval(RelationshipTypes.PartOf, id, r.PreviousParentId, null);
                }

                if (r.ParentId is not null)
                {
                    yield return new RelationshipUpsert(RelationshipTypes.PartOf, id, r.ParentId, null, NoProperties);
                }

                break;
            default:
                throw new InvalidOperationException($"No projection for event {e.GetType().Name}.");
        }
    }

    private static IEnumerable<GraphChange> FromPerson(PersonEvent e, long position)
    {
        var id = e.PersonId;
        switch (e)
        {
            case PersonRegistered r:
                yield return new NodeUpsert(id, PersonLabels, new Dictionary<string, object?>(7)
                {
                    ["id"] = id,
                    ["name"] = r.Name,
                    ["aliases"] = r.Aliases,
                    ["normalisedName"] = ActorNames.Normalise(r.Name),
                    ["normalisedAliases"] = NormalisedAll(r.Aliases),
                }, position);
                foreach (var affiliation in r.Affiliations)
                {
                    yield return AffiliationUpsert(id, affiliation);
                }

                break;
            case PersonRenamed r:
                yield return new NodeUpsert(id, PersonLabels, Named(r.Name), position);
                break;
            case PersonAliasesChanged r:
                yield return new NodeUpsert(id, PersonLabels, Aliased(r.Aliases), position);
                break;
            case PersonAffiliated r:
                yield return AffiliationUpsert(id, r.Affiliation);
                break;
            case PersonAffiliationRemoved r:
                yield return new RelationshipRemoval(RelationshipTypes.AffiliatedWith, id, r.Affiliation.OrganisationId, r.Affiliation.Key);
                break;
            default:
                throw new InvalidOperationException($"No projection for event {e.GetType().Name}.");
        }
    }

    private static IEnumerable<GraphChange> FromStatement(StatementEvent e, long position)
    {
        var id = e.StatementId;
        switch (e)
        {
            case StatementRecorded r:
                yield return new NodeUpsert(id, StatementLabels, new Dictionary<string, object?>(13)
                {
                    ["id"] = id,
                    ["kind"] = GraphEnums.Name(r.Kind),
                    ["cameoCode"] = r.CameoCode,
                    ["quote"] = r.Quote,
                    ["summary"] = r.Summary,
                    ["saidOn"] = r.SaidOn?.ToString(),
                    ["saidOnPrecision"] = r.SaidOn is { } saidOn ? GraphEnums.Name(saidOn.Precision) : null,
                    ["saidOnStart"] = r.SaidOn?.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["saidOnEnd"] = r.SaidOn?.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["recordedAt"] = r.RecordedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                    ["confidence"] = r.Confidence,
                    ["retracted"] = false,
                }, position);

                foreach (var (topic, ordinal) in r.Topics.Select((t, i) => (t, i)))
                {
                    var topicId = Topics.IdOf(topic);
                    yield return new NodeUpsert(topicId, TopicLabels, new Dictionary<string, object?>(2) { ["id"] = topicId, ["name"] = topic }, position);
                    yield return new RelationshipUpsert(RelationshipTypes.About, id, topicId, null, Ordinal(ordinal));
                }

                foreach (var (source, ordinal) in r.Sources.Select((s, i) => (s, i)))
                {
                    var sourceId = source.NodeId;
                    yield return new NodeUpsert(sourceId, SourceLabels, new Dictionary<string, object?>(5)
                    {
                        ["id"] = sourceId,
                        ["url"] = source.Url,
                        ["title"] = source.Title,
                        ["publisher"] = source.Publisher,
                        ["publishedOn"] = source.PublishedOn?.ToString(),
                    }, position);
                    yield return new RelationshipUpsert(RelationshipTypes.SupportedBy, id, sourceId, null, new Dictionary<string, object?>(3)
                    {
                        ["ordinal"] = (long)ordinal,
                        ["quoteStart"] = (long?)source.QuoteStart,
                        ["quoteEnd"] = (long?)source.QuoteEnd,
                    });
                }

                yield return new RelationshipUpsert(RelationshipTypes.Made, r.SpeakerId, id, null, NoProperties);
                if (r.OnBehalfOfId is not null)
                {
                    yield return new RelationshipUpsert(RelationshipTypes.OnBehalfOf, id, r.OnBehalfOfId, null, NoProperties);
                }

                foreach (var change in Roles(id, RelationshipTypes.AddressedTo, r.AddresseeIds)
                    .Concat(Roles(id, RelationshipTypes.CitesExemplar, r.ExemplarIds))
                    .Concat(Roles(id, RelationshipTypes.Benefits, r.BeneficiaryIds))
                    .Concat(Roles(id, RelationshipTypes.Concerns, r.SubjectIds)))
                {
                    yield return change;
                }

                if (r.RespondsToId is not null)
                {
                    yield return new RelationshipUpsert(RelationshipTypes.RespondsTo, id, r.RespondsToId, null, NoProperties);
                }

                var derived = StatementKinds.DerivedRelationshipType(r.Kind);
                foreach (var addressee in r.AddresseeIds)
                {
                    yield return new RelationshipUpsert(derived, r.SpeakerId, addressee, id, new Dictionary<string, object?>(5)
                    {
                        ["statementId"] = id,
                        ["kind"] = GraphEnums.Name(r.Kind),
                        ["saidOn"] = r.SaidOn?.ToString(),
                        ["saidOnStart"] = r.SaidOn?.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["saidOnEnd"] = r.SaidOn?.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    });
                }

                break;
            case StatementRetracted r:
                yield return new NodeUpsert(id, StatementLabels, new Dictionary<string, object?>(3)
                {
                    ["retracted"] = true,
                    ["retractionReason"] = r.Reason,
                    ["retractedAt"] = r.RetractedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                }, position);
                foreach (var addressee in r.AddresseeIds)
                {
                    yield return new RelationshipRemoval(StatementKinds.DerivedRelationshipType(r.Kind), r.SpeakerId, addressee, id);
                }

                break;
            default:
                throw new InvalidOperationException($"No projection for event {e.GetType().Name}.");
        }
    }

    private static IEnumerable<GraphChange> Roles(string statementId, string type, string[] actorIds) =>
        actorIds.Select((actorId, ordinal) => new RelationshipUpsert(type, statementId, actorId, null, Ordinal(ordinal)));

    // Actors carry their names normalised, so look-ups by name work the same in every store.
    private static Dictionary<string, object?> Named(string name) =>
        new() { ["name"] = name, ["normalisedName"] = ActorNames.Normalise(name) };

    private static Dictionary<string, object?> Aliased(string[] aliases) =>
        new() { ["aliases"] = aliases, ["normalisedAliases"] = NormalisedAll(aliases) };

    private static string[] NormalisedAll(string[] names) => [.. names.Select(ActorNames.Normalise)];

    // A statement's roles are mostly a few: their properties are made once and shared.
    private static readonly IReadOnlyDictionary<string, object?>[] Ordinals =
        [.. Enumerable.Range(0, 16).Select(i => new Dictionary<string, object?> { ["ordinal"] = (long)i })];

    private static IReadOnlyDictionary<string, object?> Ordinal(int ordinal) =>
        ordinal < Ordinals.Length ? Ordinals[ordinal] : new Dictionary<string, object?> { ["ordinal"] = (long)ordinal };

    private static RelationshipUpsert AffiliationUpsert(string personId, Affiliation affiliation) =>
        new(RelationshipTypes.AffiliatedWith, personId, affiliation.OrganisationId, affiliation.Key, new Dictionary<string, object?>
        {
            ["key"] = affiliation.Key,
            ["role"] = affiliation.Role,
            ["from"] = affiliation.From?.ToString(),
            ["to"] = affiliation.To?.ToString(),
        });

    private static string[] ExternalIds(ExternalId[] ids) => [.. ids.Select(x => $"{x.Scheme}:{x.Value}")];
}
