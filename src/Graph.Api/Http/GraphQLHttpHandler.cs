using System.Buffers;
using System.Text.Json;
using Graph.Api.GraphiQL;
using Graph.Api.Limits;
using Graph.Api.Writes;
using Graph.Projection;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Graph.Api.Http;

/// <summary>GraphQL over HTTP, as the GraphQL-over-HTTP specification lays it out; GraphiQL for a browser.</summary>
/// <remarks>
/// GET carries queries only (a mutation over GET is refused with 405, so a link cannot change data); POST carries
/// JSON and nothing else (a form or plain text is refused with 415, so a cross-site form cannot send a query). The
/// response is <c>application/graphql-response+json</c> when the client accepts it, with 400 for requests that could
/// not be executed, and otherwise <c>application/json</c> with 200. A GET from a browser, which asks for HTML first,
/// gets GraphiQL.
/// </remarks>
public sealed partial class GraphQLHttpHandler(
    IDocumentExecuter executer,
    ISchema schema,
    IGraphQLTextSerializer serializer,
    GraphiQLAssets graphiQL,
    DocumentLimits limits,
    IOptions<GraphQLHttpOptions> options,
    Projector projection,
    ILogger<GraphQLHttpHandler> logger)
{
    public const string GraphQLResponseMediaType = "application/graphql-response+json";
    public const string JsonMediaType = "application/json";

    public async Task HandleAsync(HttpContext context)
    {
        // One URL answers a browser with a page and a client with JSON, so a cache must key on Accept.
        context.Response.Headers.Vary = HeaderNames.Accept;
        if (HttpMethods.IsGet(context.Request.Method) && PrefersHtml(context.Request))
        {
            await graphiQL.WritePageAsync(context);
            return;
        }

        var responseType = NegotiateResponseType(context.Request);
        if (responseType is null)
        {
            await WriteRequestErrorAsync(context, StatusCodes.Status406NotAcceptable, JsonMediaType, "NOT_ACCEPTABLE",
                $"The response can be {GraphQLResponseMediaType} or {JsonMediaType}; the Accept header allows neither.");
            return;
        }

        try
        {
            await AnswerAsync(context, responseType);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client has gone; there is nobody to answer.
        }
        catch (Exception exception)
        {
            // The last line of defence: whatever failed, the client learns that it did, never how (no stack trace).
            LogRequestFailed(exception);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await WriteRequestErrorAsync(context, StatusCodes.Status500InternalServerError, responseType, "INTERNAL_SERVER_ERROR",
                    "The server failed to answer this request; the failure is logged.");
            }
        }
    }

    private async Task AnswerAsync(HttpContext context, string responseType)
    {
        GraphQLRequest? request;
        var isGet = HttpMethods.IsGet(context.Request.Method);
        if (isGet)
        {
            request = ReadQueryString(context.Request.Query);
            if (request is null)
            {
                await WriteRequestErrorAsync(context, StatusCodes.Status400BadRequest, responseType, "BAD_REQUEST",
                    "The variables and extensions parameters must each be a URL-encoded JSON object.");
                return;
            }
        }
        else if (HttpMethods.IsPost(context.Request.Method))
        {
            if (!IsJson(context.Request.ContentType))
            {
                var given = MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
                    ? $"'{mediaType.MediaType}{(mediaType.Charset.HasValue ? $"; charset={mediaType.Charset}" : "")}'"
                    : "without a Content-Type";
                await WriteRequestErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, responseType, "UNSUPPORTED_MEDIA_TYPE",
                    $"A GraphQL POST must be {JsonMediaType} (UTF-8), this one is {given}. Send the request as a JSON object "
                    + "with a query; forms, multipart and plain text are refused so that another site cannot post queries from a browser.");
                return;
            }

            var (body, tooLarge) = await ReadBodyAsync(context);
            if (tooLarge)
            {
                await WriteRequestErrorAsync(context, StatusCodes.Status413PayloadTooLarge, responseType, "REQUEST_TOO_LARGE",
                    $"The request body is larger than the {options.Value.MaxRequestBytes} bytes this server accepts.");
                return;
            }

            request = Deserialize(body);
            if (request is null)
            {
                await WriteRequestErrorAsync(context, StatusCodes.Status400BadRequest, responseType, "BAD_REQUEST",
                    "The request body is not a GraphQL request: send a JSON object with a string query and, optionally, "
                    + "variables (an object), operationName (a string) and extensions (an object).");
                return;
            }
        }
        else
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteRequestErrorAsync(context, StatusCodes.Status405MethodNotAllowed, responseType, "METHOD_NOT_ALLOWED",
                $"GraphQL is served over GET (queries) and POST, not {context.Request.Method}.");
            return;
        }

        if (string.IsNullOrWhiteSpace(request.Query))
        {
            await WriteRequestErrorAsync(context, StatusCodes.Status400BadRequest, responseType, "BAD_REQUEST",
                "The request has no query.");
            return;
        }

        // Read within bounds before anything else looks at the document: a refused one is never validated.
        var (document, refusal) = limits.Parse(request.Query);
        if (refusal is not null || document is null)
        {
            await WriteResultAsync(context, responseType, new ExecutionResult { Errors = [refusal!] });
            return;
        }

        // Queries need the reader role, mutations the editor role; no credentials is 401, the wrong role 403.
        var isMutation = IsMutation(document, request.OperationName);
        var role = isMutation ? GraphRoles.Editor : GraphRoles.Reader;
        if (!GraphRoles.Allows(context.User, role))
        {
            var (status, code, message) = GraphRoles.Refuse(context, isMutation ? "A mutation" : "A query", role);
            await WriteRequestErrorAsync(context, status, responseType, code, message);
            return;
        }

        if (isGet && isMutation)
        {
            context.Response.Headers.Allow = "POST";
            await WriteRequestErrorAsync(context, StatusCodes.Status405MethodNotAllowed, responseType, "METHOD_NOT_ALLOWED",
                "A mutation is only accepted over POST, so that following a link cannot change data.");
            return;
        }

        // A write made through another API node: answer once this node's graph holds it, or say that it does not yet.
        if (context.Request.Headers[ConsistencyToken.HeaderName] is { Count: > 0 } token)
        {
            if (!ConsistencyToken.TryParse(token.Count == 1 ? token[0] : null, out var position))
            {
                await WriteRequestErrorAsync(context, StatusCodes.Status400BadRequest, responseType, "BAD_CONSISTENCY_TOKEN",
                    $"The {ConsistencyToken.HeaderName} header is '{Shorten(token.ToString())}'; send one token, as a mutation's consistencyToken gave it (a whole number).");
                return;
            }

            try
            {
                await projection.WaitForAsync(position, context.RequestAborted);
            }
            catch (ProjectionTimeoutException behind)
            {
                context.Response.Headers.RetryAfter = "1";
                await WriteRequestErrorAsync(context, StatusCodes.Status503ServiceUnavailable, responseType, "CONSISTENCY_TIMEOUT",
                    $"This node's graph has not yet read the write the {ConsistencyToken.HeaderName} names (log position {position}; it is at {behind.Checkpoint}) "
                    + "within the read-your-writes timeout. Nothing was run; try again shortly.");
                return;
            }
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

        await WriteResultAsync(context, responseType, result);
    }

    private async Task WriteResultAsync(HttpContext context, string responseType, ExecutionResult result)
    {
        context.Response.StatusCode = responseType == GraphQLResponseMediaType && !result.Executed
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        context.Response.ContentType = responseType + "; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    /// <summary>Whether the client, a browser, asks for HTML before either JSON type.</summary>
    private static bool PrefersHtml(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var mediaTypes))
        {
            return false;
        }

        double Quality(Func<string, bool> matches) =>
            mediaTypes.Where(m => matches(m.MediaType.Value ?? "")).Select(m => m.Quality ?? 1).DefaultIfEmpty(0).Max();

        var html = Quality(type => type.Equals("text/html", StringComparison.OrdinalIgnoreCase));
        var json = Quality(type => type.Equals(GraphQLResponseMediaType, StringComparison.OrdinalIgnoreCase)
            || type.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase));
        return html > 0 && html > json;
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

    private GraphQLRequest? ReadQueryString(IQueryCollection query)
    {
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
            return null;
        }

        return request;
    }

    /// <summary>
    /// Reads the whole body, but no more than <see cref="GraphQLHttpOptions.MaxRequestBytes"/>: a larger one is
    /// reported as too large, whether it says so in Content-Length up front or only turns out to be.
    /// </summary>
    private async Task<(byte[] Body, bool TooLarge)> ReadBodyAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBytes;
        if (context.Request.ContentLength > limit)
        {
            return ([], true);
        }

        // Kestrel's own cap (30 MB unless configured) follows ours, so it neither cuts in first nor drains a huge body
        // after the refusal. It counts chunked framing as body, so it sits above ours, which counts the JSON alone.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = 2L * limit;
        }

        var body = new ArrayBufferWriter<byte>(Math.Min(limit, (int?)context.Request.ContentLength ?? 16 * 1_024) + 1);
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(body.GetMemory(16 * 1_024), context.RequestAborted)) > 0)
            {
                body.Advance(read);
                if (body.WrittenCount > limit)
                {
                    return ([], true);
                }
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ([], true);
        }

        return (body.WrittenSpan.ToArray(), false);
    }

    private GraphQLRequest? Deserialize(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return serializer.Deserialize<GraphQLRequest>(System.Text.Encoding.UTF8.GetString(body));
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or NotSupportedException)
        {
            return null;
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

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string? NullIfEmpty(StringValues value) => StringValues.IsNullOrEmpty(value) ? null : value.ToString();

    private async Task WriteRequestErrorAsync(HttpContext context, int status, string responseType, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = responseType + "; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] }, context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Resolving {Field} failed")]
    private partial void LogResolverFailed(Exception exception, string field);

    [LoggerMessage(Level = LogLevel.Error, Message = "A GraphQL request failed outside any resolver")]
    private partial void LogRequestFailed(Exception exception);
}
