using Graph.Projection.Reading;
using GraphQL;

namespace Graph.Api.Actors;

/// <summary>Resolves the two ends of an <c>Affiliation</c>.</summary>
public sealed class AffiliationResolver(IGraphReader reader)
{
    public async Task<PersonView?> Person([FromSource] AffiliationView affiliation, CancellationToken cancellationToken) =>
        (await reader.GetActorsAsync([affiliation.PersonId], cancellationToken)).OfType<PersonView>().FirstOrDefault();

    public async Task<OrganisationView?> Organisation([FromSource] AffiliationView affiliation, CancellationToken cancellationToken) =>
        (await reader.GetActorsAsync([affiliation.OrganisationId], cancellationToken)).OfType<OrganisationView>().FirstOrDefault();
}
