using System.Text.Encodings.Web;
using Graph.Api.Actors;
using Graph.Api.Http;
using Graph.Api.Queries;
using Graph.Api.Schema;
using Graph.Api.Statements;
using Graph.Api.Writes;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
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
        services.AddScoped<ActorLookup>();
        services.AddSingleton<GraphQLHttpHandler>();
        services.AddGraphQL(graphQL => graphQL
            .AddSchema(GraphSchema.Create, GraphQL.DI.ServiceLifetime.Singleton)
            // Responses are JSON and never embedded in HTML, so quotes and accented letters are written as they are.
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddErrorInfoProvider<GraphErrorInfoProvider>());
        return builder;
    }

    /// <summary>Serves GraphQL over HTTP at <c>/graphql</c>.</summary>
    public static IEndpointRouteBuilder MapGraphApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map("/graphql", (HttpContext context, GraphQLHttpHandler handler) => handler.HandleAsync(context));
        return endpoints;
    }
}
