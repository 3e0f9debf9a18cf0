namespace Graph.Neo4j.Client;

/// <summary>
/// An explicit transaction of the Query API (<c>/db/{db}/query/v2/tx/{id}</c>), handed to the work of a managed
/// transaction. Statements run one at a time, as the transaction is a single conversation with one server.
/// </summary>
internal sealed class Neo4jTransaction(Neo4jClient client, string uri, string? affinity) : IQueryRunner
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _affinity = affinity;
    private State _state = State.Open;
    private Neo4jException? _failure;

    private enum State
    {
        Open,

        /// <summary>
        /// A request failed without an answer, or a commit was refused, so Neo4j may or may not still hold the transaction.
        /// </summary>
        Unknown,

        /// <summary>Neo4j closed it after an error.</summary>
        Failed,
        Committed,
        RolledBack,
    }

    /// <inheritdoc/>
    public async Task<QueryResult> RunAsync(string cypher, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cypher);
        var body = RequestBody.Statement(cypher, RequestBody.Parameters(parameters));
        await _gate.WaitAsync(cancellationToken);
        try
        {
            EnsureOpen("run a statement in");
            return (await SendAsync(HttpMethod.Post, uri, body, committing: false, cancellationToken)).ToResult();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Commits (<c>POST .../tx/{id}/commit</c>) and returns the bookmarks of the commit.</summary>
    public async Task<IReadOnlyList<string>> CommitAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            EnsureOpen("commit");
            var response = (await SendAsync(HttpMethod.Post, $"{uri}/commit", body: null, committing: true, cancellationToken)).EnsureSuccess();
            _state = State.Committed;
            return response.Bookmarks;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Rolls back (<c>DELETE .../tx/{id}</c>) unless Neo4j has already closed the transaction. Never throws: it runs
    /// while another exception is on its way out, and Neo4j rolls back an idle transaction by itself anyway.
    /// </summary>
    public async Task RollbackAsync()
    {
        // Not the caller's token: a cancelled caller is the very case that leaves a transaction to clean up.
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            if (_state is not (State.Open or State.Unknown))
            {
                return;
            }

            _state = State.RolledBack;
            (await client.SendAsync(HttpMethod.Delete, uri, body: null, _affinity, CancellationToken.None)).EnsureSuccess();
            client.TransactionRolledBack(uri);
        }
        catch (ClientException ex) when (ex.Code == "Neo.ClientError.Request.Invalid")
        {
            // 404 "Transaction with Id ... was not found": Neo4j had closed it already.
            client.TransactionRolledBack(uri);
        }
        catch (Neo4jException ex)
        {
            client.TransactionRollbackFailed(uri, ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<QueryApiResponse> SendAsync(HttpMethod method, string requestUri, byte[]? body, bool committing, CancellationToken cancellationToken)
    {
        QueryApiResponse response;
        try
        {
            response = await client.SendAsync(method, requestUri, body, _affinity, cancellationToken);
        }
        catch
        {
            _state = State.Unknown;
            throw;
        }

        _affinity = response.Affinity ?? _affinity;
        if (response.Failure is not null)
        {
            // An error answered to a statement closes the transaction. One answered to a commit need not: Neo4j keeps a
            // transaction whose commit it refused as a bad request, so a rollback is still worth sending.
            _failure = response.Failure;
            _state = committing ? State.Unknown : State.Failed;
        }

        return response;
    }

    private void EnsureOpen(string action)
    {
        if (_state is State.Open or State.Unknown)
        {
            return;
        }

        throw new InvalidOperationException(_state switch
        {
            State.Failed => $"Cannot {action} the transaction: Neo4j rolled it back after {_failure?.Code}: {_failure?.Message}",
            State.Committed => $"Cannot {action} the transaction: it is committed. Use the runner only inside the work.",
            _ => $"Cannot {action} the transaction: it is rolled back. Use the runner only inside the work.",
        });
    }
}
