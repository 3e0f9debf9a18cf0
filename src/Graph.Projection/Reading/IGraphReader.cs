using Graph.Abstractions.Actors;

namespace Graph.Projection.Reading;

/// <summary>The questions the API asks of the graph; answered by the embedded graph or by Neo4j.</summary>
public interface IGraphReader
{
    /// <summary>Actors by id, in no particular order; unknown ids are left out.</summary>
    Task<IReadOnlyList<ActorView>> GetActorsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>
    /// Actors whose name or an alias contains <paramref name="text"/> (compared as normalised names), exact matches first.
    /// </summary>
    Task<IReadOnlyList<ActorView>> FindActorsAsync(string text, ActorType? type, int limit, CancellationToken cancellationToken = default);

    /// <summary>Statements by id; unknown ids are left out.</summary>
    Task<IReadOnlyList<StatementView>> GetStatementsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>
    /// The statements matching <paramref name="filter"/> in the given order (ties broken by id), skipping
    /// <paramref name="skip"/> and taking at most <paramref name="take"/>, with how many match in all.
    /// </summary>
    /// <exception cref="StatementFilterException">The filter is too complex to run.</exception>
    Task<StatementPage> FindStatementsAsync(StatementFilter filter, StatementOrder order, int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>The organisations directly part of an organisation.</summary>
    Task<IReadOnlyList<OrganisationView>> GetPartsAsync(string organisationId, CancellationToken cancellationToken = default);

    /// <summary>The affiliations of people with an organisation.</summary>
    Task<IReadOnlyList<AffiliationView>> GetMembersAsync(string organisationId, CancellationToken cancellationToken = default);
}
