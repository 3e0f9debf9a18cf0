using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Graph.Api.Http;

/// <summary>GraphQL over HTTP, as the GraphQL-over-HTTP specification lays it out.</summary>
/// <remarks>
/// GET carries queries only (a mutation over GET is refused with 405, so a link cannot change data); POST carries
/// JSON. The response is <c>application/graphql-response+json</c> when the client accepts it, with 400 for requests
/// that could not be executed, and otherwise <c>application/json</c> with 200.
/// </remarks>
public sealed partial class GraphQLHttpHandler(
    IDocumentExecuter executer,
    ISchema schema,
    IGraphQLTextSerializer serializer,
    ILogger<GraphQLHttpHandler> logger)
{
    public const string GraphQLResponseMediaType = "application/graphql-response+json";
    public const string JsonMediaType = "application/json";

    public async Task HandleAsync(HttpContext context)
    {
        var responseType = NegotiateResponseType(context.Request);
        if (responseType is null)
        {
            await WriteRequestErrorAsync(context, StatusCodes.Status406NotAcceptable, JsonMediaType,
                $"The response can be {GraphQLResponseMediaType} or {JsonMediaType}; the Accept header allows neither.");
            return;
        }

        GraphQLRequest? request;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            request = ReadQueryString(context.Request.Query, out var problem);
            if (request is null)
            {
                await WriteRequestErrorAsync(context, StatusCodes.Status400BadRequest, responseType, problem!);
                return;
            }
        }
        else if (HttpMethods.IsPost(context.Request.Method))
        {
            if (!IsJson(context.Request.ContentType))
            {
                await WriteRequestErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, responseType,
                    $"A GraphQL POST must be {JsonMediaType}; this one is '{context.Request.ContentType ?? "without a content type"}'.");
                return;
            }

            (request, var problem) = await ReadBodyAsync(context);
            if (request is null)
            {
                await WriteRequestErrorAsync(context, StatusCodes.Status400BadRequest, responseType, problem!);
                return;
            }
        }
        else
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteRequestErrorAsync(context, StatusCodes.Status405MethodNotAllowed, responseType, "GraphQL is served over GET and POST.");
            return;
        }

        if (string.IsNullOrWhiteSpace(request.Query))
        {
            await WriteRequestErrorAsync(context, StatusCodes.Status400BadRequest, responseType, "The request has no query.");
            return;
        }

        GraphQLDocument? document = null;
        try
        {
            document = Parser.Parse(request.Query);
        }
        catch (GraphQLSyntaxErrorException)
        {
            // The executer reports the syntax error in the GraphQL way.
        }

        if (document is not null && HttpMethods.IsGet(context.Request.Method) && IsMutation(document, request.OperationName))
        {
            context.Response.Headers.Allow = "POST";
            await WriteRequestErrorAsync(context, StatusCodes.Status405MethodNotAllowed, responseType, "Mutations are only accepted over POST.");
            return;
        }

        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = schema,
            Query = request.Query,
            Document = document,
            Variables = request.Variables,
            OperationName = request.OperationName,
            Extensions = request.Extensions,
            RequestServices = context.RequestServices,
            User = context.User,
            CancellationToken = context.RequestAborted,
            UnhandledExceptionDelegate = exception =>
            {
                LogResolverFailed(exception.OriginalException, exception.FieldContext?.FieldDefinition.Name ?? "(request)");
                return Task.CompletedTask;
            },
        });

        context.Response.StatusCode = responseType == GraphQLResponseMediaType && !result.Executed
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        context.Response.ContentType = responseType + "; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    /// <summary>The media type to answer with, or null when the client accepts neither of ours.</summary>
    private static string? NegotiateResponseType(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        if (StringValues.IsNullOrEmpty(accept))
        {
            return JsonMediaType;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var mediaTypes))
        {
            return JsonMediaType;
        }

        foreach (var mediaType in mediaTypes.OrderByDescending(m => m.Quality ?? 1))
        {
            if (mediaType.Quality == 0)
            {
                continue;
            }

            if (mediaType.MediaType.Equals(GraphQLResponseMediaType, StringComparison.OrdinalIgnoreCase))
            {
                return GraphQLResponseMediaType;
            }

            if (mediaType.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase)
                || mediaType.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase)
                || mediaType.MediaType.Equals("*/*", StringComparison.OrdinalIgnoreCase))
            {
                return JsonMediaType;
            }
        }

        return null;
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && mediaType.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase)
        && (!mediaType.Charset.HasValue || mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private GraphQLRequest? ReadQueryString(IQueryCollection query, out string? problem)
    {
        problem = null;
        var request = new GraphQLRequest { Query = query["query"].ToString(), OperationName = NullIfEmpty(query["operationName"]) };
        try
        {
            if (NullIfEmpty(query["variables"]) is { } variables)
            {
                request.Variables = serializer.Deserialize<Inputs>(variables);
            }

            if (NullIfEmpty(query["extensions"]) is { } extensions)
            {
                request.Extensions = serializer.Deserialize<Inputs>(extensions);
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            problem = "The variables or extensions parameter is not a JSON object.";
            return null;
        }

        return request;
    }

    private async Task<(GraphQLRequest? Request, string? Problem)> ReadBodyAsync(HttpContext context)
    {
        try
        {
            var request = await serializer.ReadAsync<GraphQLRequest>(context.Request.Body, context.RequestAborted);
            return request is null ? (null, "The request body is empty; send a JSON object with a query.") : (request, null);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or NotSupportedException)
        {
            return (null, "The request body is not a GraphQL request: send a JSON object with a string query and, optionally, variables, operationName and extensions.");
        }
    }

    private static bool IsMutation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        return operation?.Operation == OperationType.Mutation;
    }

    private static string? NullIfEmpty(StringValues value) => StringValues.IsNullOrEmpty(value) ? null : value.ToString();

    private async Task WriteRequestErrorAsync(HttpContext context, int status, string responseType, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = responseType + "; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, new ExecutionResult { Errors = [new ExecutionError(message) { Code = "BAD_REQUEST" }] }, context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Resolving {Field} failed")]
    private partial void LogResolverFailed(Exception exception, string field);
}
