using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Graph.Neo4j.Client;

/// <summary>
/// The <see cref="INeo4jClient"/> over Neo4j's HTTP Query API v2 (Neo4j 5.26+, 2025.x, Aura), as documented at
/// https://neo4j.com/docs/query-api/current/: plain JSON, basic or bearer authentication, explicit transactions that
/// echo the <c>neo4j-cluster-affinity</c> header, bookmarks, and retries of transient failures.
/// </summary>
/// <remarks>
/// A retried write may run twice when an answer is lost after Neo4j committed it (as with the official driver), so
/// writes should be idempotent, e.g. <c>MERGE</c> rather than <c>CREATE</c>. <see cref="Neo4jOptions.RequestTimeout"/>
/// bounds each request; give the <see cref="HttpClient"/> a longer <see cref="HttpClient.Timeout"/> (its default is
/// 100 seconds) or <see cref="Timeout.InfiniteTimeSpan"/>.
/// </remarks>
public sealed partial class Neo4jClient(
    HttpClient httpClient,
    IOptions<Neo4jOptions> options,
    ILogger<Neo4jClient> logger,
    TimeProvider timeProvider) : INeo4jClient
{
    internal const string AffinityHeader = "neo4j-cluster-affinity";

    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private static readonly MediaTypeHeaderValue JsonContent = new("application/json");

    private readonly Neo4jOptions _options = options.Value;
    private readonly string _queryUri = QueryUri(options.Value);
    private readonly AuthenticationHeaderValue? _authorization = Authorization(options.Value);
    private readonly ResiliencePipeline _retry = RetryPipeline(options.Value, logger, timeProvider);
    private readonly BookmarkSet _bookmarks = new();

    /// <inheritdoc/>
    public IReadOnlyList<string> LastBookmarks => _bookmarks.Current;

    /// <inheritdoc/>
    public async Task<QueryResult> RunAsync(
        string cypher,
        IReadOnlyDictionary<string, object?>? parameters = null,
        AccessMode accessMode = AccessMode.Write,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cypher);
        var parametersJson = RequestBody.Parameters(parameters);
        return await _retry.ExecuteAsync(
            async token =>
            {
                var bookmarks = _bookmarks.Current;
                var body = RequestBody.Statement(cypher, parametersJson, accessMode, bookmarks);
                var result = (await SendAsync(HttpMethod.Post, _queryUri, body, affinity: null, token)).ToResult();
                _bookmarks.Replace(bookmarks, result.Bookmarks);
                return result;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<T> ExecuteReadAsync<T>(Func<IQueryRunner, Task<T>> work, CancellationToken cancellationToken = default) =>
        ExecuteAsync(AccessMode.Read, work, cancellationToken);

    /// <inheritdoc/>
    public Task<T> ExecuteWriteAsync<T>(Func<IQueryRunner, Task<T>> work, CancellationToken cancellationToken = default) =>
        ExecuteAsync(AccessMode.Write, work, cancellationToken);

    /// <summary>
    /// Sends one request with the per-request timeout. A refused connection, a timeout and a 5xx become
    /// <see cref="ServiceUnavailableException"/>; the caller's cancellation stays an <see cref="OperationCanceledException"/>.
    /// </summary>
    internal async Task<QueryApiResponse> SendAsync(HttpMethod method, string uri, byte[]? body, string? affinity, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.Add(Json);
        request.Headers.Authorization = _authorization;
        if (affinity is not null)
        {
            request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
        }

        // Neo4j refuses a POST that has no Content-Type even when it has no body (a commit): 500 "Request failed.".
        if (body is not null || method == HttpMethod.Post)
        {
            request.Content = new ByteArrayContent(body ?? []);
            request.Content.Headers.ContentType = JsonContent;
        }

        try
        {
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var content = await response.Content.ReadAsByteArrayAsync(linked.Token);
            var answeredAffinity = response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : null;
            return QueryApiResponse.Read(response.StatusCode, answeredAffinity, content, $"{method} {uri}");
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServiceUnavailableException($"Neo4j did not answer {method} {uri} within {_options.RequestTimeout}.", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new ServiceUnavailableException($"Could not reach Neo4j for {method} {uri}: {ex.Message}", ex);
        }
    }

    private async Task<T> ExecuteAsync<T>(AccessMode accessMode, Func<IQueryRunner, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return await _retry.ExecuteAsync(
            async token =>
            {
                var bookmarks = _bookmarks.Current;
                var opened = (await SendAsync(HttpMethod.Post, $"{_queryUri}/tx", RequestBody.Begin(accessMode, bookmarks), affinity: null, token)).EnsureSuccess();
                var transaction = new Neo4jTransaction(this, $"{_queryUri}/tx/{Uri.EscapeDataString(opened.TransactionId)}", opened.Affinity);
                try
                {
                    var result = await work(transaction);
                    _bookmarks.Replace(bookmarks, await transaction.CommitAsync(token));
                    return result;
                }
                catch
                {
                    await transaction.RollbackAsync();
                    throw;
                }
            },
            cancellationToken);
    }

    internal void TransactionRolledBack(string uri) => LogRolledBack(logger, uri);

    internal void TransactionRollbackFailed(string uri, Exception exception) => LogRollbackFailed(logger, uri, exception);

    private static string QueryUri(Neo4jOptions options)
    {
        var baseUri = options.Uri ?? throw new InvalidOperationException($"{Neo4jOptions.SectionName}:Uri is not set.");
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Database);
        return $"{baseUri.AbsoluteUri.TrimEnd('/')}/db/{Uri.EscapeDataString(options.Database)}/query/v2";
    }

    // The Query API documents both schemes as base64 of UTF-8 text, the bearer token included (as the official drivers send it).
    private static AuthenticationHeaderValue? Authorization(Neo4jOptions options)
    {
        if (!string.IsNullOrEmpty(options.BearerToken))
        {
            return new AuthenticationHeaderValue("Bearer", Convert.ToBase64String(Encoding.UTF8.GetBytes(options.BearerToken)));
        }

        if (options.User is null)
        {
            return null;
        }

        if (options.User.Contains(':', StringComparison.Ordinal))
        {
            throw new InvalidOperationException("A Neo4j user name cannot contain ':' over HTTP basic authentication.");
        }

        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}")));
    }

    private static ResiliencePipeline RetryPipeline(Neo4jOptions options, ILogger logger, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<TransientException>().Handle<ServiceUnavailableException>(),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                UseJitter = false,
                OnRetry = arguments =>
                {
                    LogRetrying(logger, arguments.AttemptNumber + 1, options.MaxRetries, arguments.RetryDelay, arguments.Outcome.Exception);
                    return default;
                },
            });
        }

        return builder.Build();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Neo4j failed transiently; retry {Attempt} of {MaxRetries} in {Delay}")]
    private static partial void LogRetrying(ILogger logger, int attempt, int maxRetries, TimeSpan delay, Exception? exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rolled back the Neo4j transaction {Transaction}")]
    private static partial void LogRolledBack(ILogger logger, string transaction);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not roll back the Neo4j transaction {Transaction}; Neo4j rolls it back when it idles out")]
    private static partial void LogRollbackFailed(ILogger logger, string transaction, Exception exception);
}
