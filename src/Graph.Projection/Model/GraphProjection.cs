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

    /// <summary>
    /// The changes one stored event makes to the graph, in the order they must be applied. An event that lacks what its
    /// type needs (a row edited by hand, say) is reported by its position and stream.
    /// </summary>
    public static IReadOnlyList<GraphChange> ToChanges(StoredEvent stored)
    {
        try
        {
            return [.. Changes(stored)];
        }
        catch (Exception malformed) when (malformed is NullReferenceException or ArgumentException or InvalidOperationException)
        {
            throw new EventLogUnreadableException(
                $"The event at position {stored.Position} of the log (stream '{stored.StreamId}', version {stored.Version}) cannot be "
                + $"projected: it lacks what a {EventSerializer.TypeNameOf(stored.Event)} event needs ({malformed.Message}).",
                malformed);
        }
    }

    private static IEnumerable<GraphChange> Changes(StoredEvent stored) => stored.Event switch
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
                    [PropertyKeys.Id] = id,
                    [PropertyKeys.Name] = ActorNames.Clean(r.Name),
                    [PropertyKeys.Aliases] = CleanAll(r.Aliases),
                    [PropertyKeys.NormalisedName] = ActorNames.Normalise(r.Name),
                    [PropertyKeys.NormalisedAliases] = NormalisedAll(r.Aliases),
                    [PropertyKeys.Kind] = GraphEnums.Name(r.Kind),
                    [PropertyKeys.ExternalIds] = ExternalIds(r.ExternalIds),
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
                yield return new NodeUpsert(id, OrganisationLabels, new Dictionary<string, object?> { [PropertyKeys.Kind] = GraphEnums.Name(r.Kind) }, position);
                break;
            case OrganisationExternalIdsChanged r:
                yield return new NodeUpsert(id, OrganisationLabels, new Dictionary<string, object?> { [PropertyKeys.ExternalIds] = ExternalIds(r.ExternalIds) }, position);
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
                    [PropertyKeys.Id] = id,
                    [PropertyKeys.Name] = ActorNames.Clean(r.Name),
                    [PropertyKeys.Aliases] = CleanAll(r.Aliases),
                    [PropertyKeys.NormalisedName] = ActorNames.Normalise(r.Name),
                    [PropertyKeys.NormalisedAliases] = NormalisedAll(r.Aliases),
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
                foreach (var change in Recorded(r, position))
                {
                    yield return change;
                }

                break;
            case StatementCorrected c:
                // What no longer holds goes first; what still holds is upserted again after, and the last change wins.
                foreach (var change in Recorded(c.Previous, position).OfType<RelationshipUpsert>()
                    .Select(r => (GraphChange)new RelationshipRemoval(r.Type, r.FromId, r.ToId, r.Key))
                    .Concat(Recorded(c.Corrected, position)))
                {
                    yield return change;
                }

                break;
            case StatementRetracted r:
                yield return new NodeUpsert(id, StatementLabels, new Dictionary<string, object?>(3)
                {
                    [PropertyKeys.Retracted] = true,
                    [PropertyKeys.RetractionReason] = r.Reason,
                    [PropertyKeys.RetractedAt] = r.RetractedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
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

    /// <summary>A recorded statement's node, its topics' and sources' nodes, and every relationship it has.</summary>
    private static IEnumerable<GraphChange> Recorded(StatementRecorded r, long position)
    {
        var id = r.StatementId;
        yield return new NodeUpsert(id, StatementLabels, new Dictionary<string, object?>(13)
        {
            [PropertyKeys.Id] = id,
            [PropertyKeys.Kind] = GraphEnums.Name(r.Kind),
            [PropertyKeys.CameoCode] = r.CameoCode,
            [PropertyKeys.Quote] = r.Quote,
            [PropertyKeys.Summary] = r.Summary,
            [PropertyKeys.SaidOn] = r.SaidOn?.ToString(),
            [PropertyKeys.SaidOnPrecision] = r.SaidOn is { } saidOn ? GraphEnums.Name(saidOn.Precision) : null,
            [PropertyKeys.SaidOnStart] = r.SaidOn?.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [PropertyKeys.SaidOnEnd] = r.SaidOn?.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [PropertyKeys.RecordedAt] = r.RecordedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            [PropertyKeys.Confidence] = r.Confidence,
            [PropertyKeys.Retracted] = false,
        }, position);

        foreach (var (topic, ordinal) in r.Topics.Select((t, i) => (t, i)))
        {
            var topicId = Topics.IdOf(topic);
            yield return new NodeUpsert(topicId, TopicLabels, new Dictionary<string, object?>(2) { [PropertyKeys.Id] = topicId, [PropertyKeys.Name] = topic }, position);
            yield return new RelationshipUpsert(RelationshipTypes.About, id, topicId, null, Ordinal(ordinal));
        }

        foreach (var (source, ordinal) in r.Sources.Select((s, i) => (s, i)))
        {
            var sourceId = source.NodeId;
            yield return new NodeUpsert(sourceId, SourceLabels, new Dictionary<string, object?>(5)
            {
                [PropertyKeys.Id] = sourceId,
                [PropertyKeys.Url] = source.Url,
                [PropertyKeys.Title] = source.Title,
                [PropertyKeys.Publisher] = source.Publisher,
                [PropertyKeys.PublishedOn] = source.PublishedOn?.ToString(),
            }, position);
            yield return new RelationshipUpsert(RelationshipTypes.SupportedBy, id, sourceId, null, new Dictionary<string, object?>(3)
            {
                [PropertyKeys.Ordinal] = (long)ordinal,
                [PropertyKeys.QuoteStart] = (long?)source.QuoteStart,
                [PropertyKeys.QuoteEnd] = (long?)source.QuoteEnd,
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
                [PropertyKeys.StatementId] = id,
                [PropertyKeys.Kind] = GraphEnums.Name(r.Kind),
                [PropertyKeys.SaidOn] = r.SaidOn?.ToString(),
                [PropertyKeys.SaidOnStart] = r.SaidOn?.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                [PropertyKeys.SaidOnEnd] = r.SaidOn?.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            });
        }
    }

    private static IEnumerable<GraphChange> Roles(string statementId, string type, string[] actorIds) =>
        actorIds.Select((actorId, ordinal) => new RelationshipUpsert(type, statementId, actorId, null, Ordinal(ordinal)));

    // Actors carry their names normalised, so look-ups by name work the same in every store.
    private static Dictionary<string, object?> Named(string name) =>
        new() { [PropertyKeys.Name] = ActorNames.Clean(name), [PropertyKeys.NormalisedName] = ActorNames.Normalise(name) };

    private static Dictionary<string, object?> Aliased(string[] aliases) =>
        new() { [PropertyKeys.Aliases] = CleanAll(aliases), [PropertyKeys.NormalisedAliases] = NormalisedAll(aliases) };

    private static string[] NormalisedAll(string[] names) => [.. names.Select(ActorNames.Normalise)];

    /// <summary>
    /// Names as they are shown: a log written before names were cleaned on the way in may hold stray spaces, line
    /// breaks or compatibility forms, and is shown cleaned as new names are. Look-ups and uniqueness use
    /// <see cref="ActorNames.Normalise"/>, which was already blind to all of these, so cleaning makes no two actors collide.
    /// </summary>
    private static string[] CleanAll(string[] names) => [.. names.Select(ActorNames.Clean)];

    // A statement's roles are mostly a few: their properties are made once and shared.
    private static readonly IReadOnlyDictionary<string, object?>[] Ordinals =
        [.. Enumerable.Range(0, 16).Select(i => new Dictionary<string, object?> { [PropertyKeys.Ordinal] = (long)i })];

    private static IReadOnlyDictionary<string, object?> Ordinal(int ordinal) =>
        ordinal < Ordinals.Length ? Ordinals[ordinal] : new Dictionary<string, object?> { [PropertyKeys.Ordinal] = (long)ordinal };

    private static RelationshipUpsert AffiliationUpsert(string personId, Affiliation affiliation) =>
        new(RelationshipTypes.AffiliatedWith, personId, affiliation.OrganisationId, affiliation.Key, new Dictionary<string, object?>
        {
            [PropertyKeys.Key] = affiliation.Key,
            [PropertyKeys.Role] = affiliation.Role,
            [PropertyKeys.From] = affiliation.From?.ToString(),
            [PropertyKeys.To] = affiliation.To?.ToString(),
        });

    private static string[] ExternalIds(ExternalId[] ids) => [.. ids.Select(x => $"{x.Scheme}:{x.Value}")];
}
