using System.Text.Encodings.Web;
using Graph.Api.Actors;
using Graph.Api.Analysis;
using Graph.Api.Explorer;
using Graph.Api.GraphiQL;
using Graph.Api.Loading;
using Graph.Api.Http;
using Graph.Api.Limits;
using Graph.Api.Queries;
using Graph.Api.Schema;
using Graph.Api.Sites;
using Graph.Api.Statements;
using Graph.Api.Writes;
using GraphQL;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Graph.Api;

public static class GraphApiExtensions
{
    /// <summary>Registers the GraphQL schema, its resolvers and the HTTP handler.</summary>
    public static IHostApplicationBuilder AddGraphApi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<QueryResolver>();
        services.AddScoped<MutationResolver>();
        services.AddScoped<StatementResolver>();
        services.AddScoped<OrganisationResolver>();
        services.AddScoped<PersonResolver>();
        services.AddScoped<AffiliationResolver>();
        services.AddScoped<StatementPages>();
        services.AddScoped<StatementFilters>();
        services.AddScoped<ActorLookup>();
        services.AddScoped<GraphLoaders>();
        services.AddScoped<PathResolver>();
        services.AddScoped<NetworkEdgeResolver>();
        services.AddScoped<WeightedEdgeResolver>();
        services.AddScoped<StatementCountResolver>();
        services.AddScoped<StanceResolver>();
        services.AddSingleton<GraphQLHttpHandler>();
        services.AddSingleton<DocumentLimits>();
        services.AddOptions<GraphQLHttpOptions>()
            .Bind(builder.Configuration.GetSection(GraphQLHttpOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<GraphiQLAssets>();
        services.AddSingleton<ExplorerAssets>();
        services.AddOptions<GraphApiOptions>()
            .Bind(builder.Configuration.GetSection(GraphApiOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var limits = builder.Configuration.GetSection(GraphApiOptions.SectionName).Get<GraphApiOptions>() ?? new GraphApiOptions();
        services.AddGraphQL(graphQL =>
        {
            graphQL
                .AddSchema(GraphSchema.Create, GraphQL.DI.ServiceLifetime.Singleton)
                .AddComplexityAnalyzer(complexity =>
                {
                    complexity.MaxComplexity = limits.MaxComplexity;
                    var byDefault = complexity.DefaultComplexityImpactDelegate;
                    complexity.DefaultComplexityImpactDelegate = field => IsIntrospection(field.FieldDefinition.Name, field.ParentType.Name)
                        ? new FieldComplexityResult(0, 1)
                        : byDefault(field);
                })
                .ConfigureExecution<ExecutionTimeout>();
            if (!limits.EnableIntrospection)
            {
                graphQL.AddValidationRule<NoIntrospectionValidationRule>().ConfigureExecution<NoSuggestions>();
            }

            // Responses are JSON and never embedded in HTML, so quotes and accented letters are written as they are.
            graphQL.AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
            graphQL.AddErrorInfoProvider<GraphErrorInfoProvider>();
        });
        return builder;
    }

    private static bool IsIntrospection(string field, string parentType) =>
        field.StartsWith("__", StringComparison.Ordinal) || parentType.StartsWith("__", StringComparison.Ordinal);

    /// <summary>
    /// Serves GraphQL over HTTP at <c>/graphql</c>, GraphiQL there to browsers and at <c>/graphiql</c>, and the network
    /// explorer at <c>/explore</c>.
    /// </summary>
    /// <returns>The <c>/graphql</c> endpoint, for conventions such as rate limits.</returns>
    public static IEndpointConventionBuilder MapGraphApi(this IEndpointRouteBuilder endpoints)
    {
        var graphQL = endpoints.Map("/graphql", (HttpContext context, GraphQLHttpHandler handler) => handler.HandleAsync(context));
        endpoints.MapSite(GraphiQLAssets.BasePath, services => services.GetRequiredService<GraphiQLAssets>().Site);
        endpoints.MapSite(ExplorerAssets.BasePath, services => services.GetRequiredService<ExplorerAssets>().Site);
        return graphQL;
    }
}
