using Graph.Abstractions.Organisations;

namespace Graph.Projection.Reading;

/// <summary>The questions the API asks of the graph; answered by the embedded graph or by Neo4j.</summary>
public interface IGraphReader
{
    /// <summary>Actors by id, in no particular order; unknown ids are left out.</summary>
    Task<IReadOnlyList<ActorView>> GetActorsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>Actors whose name or an alias holds the search's words (every actor when it has none), in the order asked for.</summary>
    Task<IReadOnlyList<ActorView>> FindActorsAsync(ActorSearch search, CancellationToken cancellationToken = default);

    /// <summary>
    /// Topics whose name holds <paramref name="text"/> (every topic when null), those of the most statements (retracted
    /// ones left out) first, then by name.
    /// </summary>
    Task<IReadOnlyList<TopicView>> FindTopicsAsync(string? text, int skip, int limit, CancellationToken cancellationToken = default);

    /// <summary>Statements by id; unknown ids are left out.</summary>
    Task<IReadOnlyList<StatementView>> GetStatementsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>
    /// The statements matching <paramref name="filter"/> in the given order (ties broken by id), skipping
    /// <paramref name="skip"/> and taking at most <paramref name="take"/>, with how many match in all.
    /// </summary>
    /// <param name="parts">
    /// What the caller will show besides each statement's properties and role ids; a store may leave the rest out: no
    /// texts, no topics, no sources, no actors.
    /// </param>
    /// <exception cref="StatementFilterException">The filter is too complex to run.</exception>
    Task<StatementPage> FindStatementsAsync(
        StatementFilter filter, StatementOrder order, int skip, int take, StatementParts parts, CancellationToken cancellationToken = default);

    /// <summary>The organisations directly part of an organisation.</summary>
    Task<IReadOnlyList<OrganisationView>> GetPartsAsync(string organisationId, CancellationToken cancellationToken = default);

    /// <summary>The affiliations of people with an organisation.</summary>
    Task<IReadOnlyList<AffiliationView>> GetMembersAsync(string organisationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Paths between two actors, ignoring direction and never through a retracted statement, in order of length and
    /// then of the ids along them.
    /// </summary>
    Task<IReadOnlyList<PathView>> FindPathsAsync(PathQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The actors within the query's depth of an actor, through statements (from the speaker to each actor in the
    /// roles asked for, of the given kinds and dates, never retracted), affiliations and part-of links, and every such
    /// edge among them.
    /// </summary>
    Task<NetworkView> GetNeighbourhoodAsync(NeighbourhoodQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The statements matching a filter collapsed into weighted speaker-to-addressee edges per kind, the heaviest
    /// <paramref name="limit"/> of them (ties by source, target and kind), with the actors they join.
    /// </summary>
    Task<ActorNetworkView> GetActorNetworkAsync(StatementFilter filter, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// The statements matching a filter counted by a dimension, most first (ties by key); for speakers and addressees,
    /// only organisations of <paramref name="organisationKinds"/> when given, whichever role is counted.
    /// </summary>
    Task<IReadOnlyList<CountView>> CountStatementsAsync(StatementFilter filter, CountDimension by, IReadOnlyList<OrganisationKind>? organisationKinds, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Each actor's stance toward a target (or only <paramref name="actorId"/>'s): its statements addressed to or about
    /// the target by kind, not retracted; most statements first, ties by actor id.
    /// </summary>
    Task<IReadOnlyList<StanceView>> GetStancesAsync(string targetId, string? actorId, int limit, CancellationToken cancellationToken = default);
}
