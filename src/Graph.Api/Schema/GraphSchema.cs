using Graph.Abstractions.Actors;
using Graph.Abstractions.Organisations;
using Graph.Abstractions.Statements;
using Graph.Api.Actors;
using Graph.Api.Analysis;
using Graph.Api.Queries;
using Graph.Api.Statements;
using Graph.Api.Writes;
using Graph.Projection.Reading;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;

namespace Graph.Api.Schema;

/// <summary>Builds the served schema from <c>schema.graphql</c>, the API's contract, and binds its resolvers.</summary>
public static class GraphSchema
{
    /// <summary>The SDL the server loads: <c>schema.graphql</c> at the root of the repository, embedded at build.</summary>
    public static string Sdl { get; } = ReadSdl();

    public static ISchema Create(IServiceProvider services)
    {
        var schema = GraphQL.Types.Schema.For<GraphSchemaBuilder>(Sdl, builder =>
        {
            builder.ServiceProvider = services;
            builder.Types.Include<QueryResolver>("Query");
            builder.Types.Include<MutationResolver>("Mutation");
            builder.Types.Include<StatementResolver, StatementView>("Statement");
            builder.Types.Include<OrganisationResolver, OrganisationView>("Organisation");
            builder.Types.Include<PersonResolver, PersonView>("Person");
            builder.Types.Include<AffiliationResolver, AffiliationView>("Affiliation");
            builder.Types.Include<PathResolver, PathView>("Path");
            builder.Types.Include<NetworkEdgeResolver, NetworkEdgeView>("NetworkEdge");
            builder.Types.Include<WeightedEdgeResolver, WeightedEdgeView>("WeightedEdge");
            builder.Types.Include<StatementCountResolver, StatementCount>("StatementCount");
            builder.Types.Include<StanceResolver, StanceView>("Stance");
            builder.Types.Include<PathLink>("PathLink");
            builder.Types.Include<CountDimension>("CountDimension");
            builder.Types.Include<StatementRole>("StatementRole");
            builder.Types.Include<ActorOrder>("ActorOrder");
            builder.Types.Include<StatementKind>("StatementKind");
            builder.Types.Include<DatePrecision>("DatePrecision");
            builder.Types.Include<OrganisationKind>("OrganisationKind");
            builder.Types.Include<ActorType>("ActorType");
            builder.Types.Include<StatementOrderField>("StatementOrderField");
            builder.Types.Include<SortDirection>("SortDirection");
        });

        // Custom scalars are implemented in C#; their descriptions still come from the contract.
        var scalars = Parser.Parse(Sdl).Definitions.OfType<GraphQLScalarTypeDefinition>()
            .ToDictionary(d => d.Name.StringValue, d => d.Description?.Value.ToString());
        schema.RegisterType(new PartialDateGraphType { Description = scalars["PartialDate"] });
        schema.RegisterType(new DateTimeOffsetGraphType { Name = "DateTime", Description = scalars["DateTime"] });
        return schema;
    }

    private static string ReadSdl()
    {
        using var stream = typeof(GraphSchema).Assembly.GetManifestResourceStream("schema.graphql")
            ?? throw new InvalidOperationException("schema.graphql is not embedded in the API assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
