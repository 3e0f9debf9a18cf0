using Graph.Projection.Reading;
using Graph.Api.Loading;
using GraphQL;
using GraphQL.DataLoader;

namespace Graph.Api.Actors;

/// <summary>Resolves the two ends of an <c>Affiliation</c>.</summary>
public sealed class AffiliationResolver(GraphLoaders loaders)
{
    public IDataLoaderResult<ActorView?> Person([FromSource] AffiliationView affiliation) => loaders.Actors.Load(affiliation.PersonId);

    public IDataLoaderResult<ActorView?> Organisation([FromSource] AffiliationView affiliation) => loaders.Actors.Load(affiliation.OrganisationId);
}
