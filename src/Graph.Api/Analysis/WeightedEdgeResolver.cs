using Graph.Abstractions.Statements;
using Graph.Projection.Reading;
using GraphQL;

namespace Graph.Api.Analysis;

/// <summary>Resolves the relationship type of a weighted edge from its kind.</summary>
public sealed class WeightedEdgeResolver
{
    public string Type([FromSource] WeightedEdgeView edge) => StatementKinds.DerivedRelationshipType(edge.Kind);
}
