using System.Globalization;
using System.Text;
using System.Text.Json;
using Graph.Neo4j.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Graph.Neo4j.Tests.Fake;

/// <summary>
/// Neo4j's HTTP Query API v2 on a loopback Kestrel port, faked because no Neo4j server can run here. It follows the
/// documented wire format (https://neo4j.com/docs/query-api/current/):
/// <list type="bullet">
/// <item><c>POST /db/{db}/query/v2</c> answers 202 with <c>data.fields</c>, <c>data.values</c> (a list of rows, each a
/// list of values), <c>counters</c> when the request says <c>"includeCounters": true</c>, and <c>bookmarks</c>;</item>
/// <item><c>POST .../tx</c> opens a transaction, <c>POST .../tx/{id}</c> runs in it, <c>POST .../tx/{id}/commit</c>
/// commits and <c>DELETE .../tx/{id}</c> rolls back; open answers carry <c>transaction.id</c> and
/// <c>transaction.expires</c>, and every answer carries the <c>neo4j-cluster-affinity</c> header, which the later
/// requests of the transaction must echo (as on Aura; otherwise the transaction is "not found");</item>
/// <item>errors are <c>{"errors": [{"code", "message"}]}</c>: 401 for missing or wrong credentials, 404 for an unknown
/// database, 400 for the rest (see <see cref="FakeNeo4jError"/>).</item>
/// </list>
/// </summary>
/// <remarks>
/// Cypher is not interpreted: <see cref="Handler"/> says what each statement returns. It is called outside any lock,
/// for implicit queries (<see cref="FakeStatement.TransactionId"/> null: their writes count as committed when it
/// returns, after which <see cref="OnCommit"/> is called with a synthetic id <c>implicit-N</c>) and for statements of
/// explicit transactions (a model should stage their writes until <see cref="OnCommit"/> or <see cref="OnRollback"/>
/// names the transaction). As in Neo4j, a statement that fails in a transaction rolls the transaction back.
/// </remarks>
public sealed class QueryApiFake : IAsyncDisposable
{
    public const string AffinityHeader = "neo4j-cluster-affinity";

    public const string DefaultTransientCode = "Neo.TransientError.General.DatabaseUnavailable";

    private static readonly string[] CounterNames =
    [
        "nodesCreated", "nodesDeleted", "propertiesSet", "relationshipsCreated", "relationshipsDeleted", "labelsAdded",
        "labelsRemoved", "indexesAdded", "indexesRemoved", "constraintsAdded", "constraintsRemoved",
    ];

    private readonly Lock _lock = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Dictionary<string, OpenTransaction> _transactions = [];
    private WebApplication? _app;
    private Uri _uri = new("http://127.0.0.1/");
    private int _failuresLeft;
    private string _failureCode = DefaultTransientCode;
    private int _transactionCount;
    private int _implicitCount;
    private int _bookmarkCount;

    private QueryApiFake()
    {
    }

    /// <summary>Where the fake listens, e.g. <c>http://127.0.0.1:41234</c>; the same after a restart.</summary>
    public Uri Uri => _uri;

    /// <summary>The user that basic authentication must name.</summary>
    public string User { get; set; } = "neo4j";

    /// <summary>The password that basic authentication must give.</summary>
    public string Password { get; set; } = "verysecret";

    /// <summary>A token accepted as <c>Authorization: Bearer base64(token)</c>; none when null.</summary>
    public string? BearerToken { get; set; }

    /// <summary>The databases that exist; any other answers 404 <c>Neo.ClientError.Database.DatabaseNotFound</c>.</summary>
    public IReadOnlyCollection<string> Databases { get; set; } = ["neo4j"];

    /// <summary>Says what each statement returns, or throws <see cref="FakeNeo4jError"/>. By default: nothing.</summary>
    public Func<FakeStatement, FakeResult> Handler { get; set; } = _ => FakeResult.Empty;

    /// <summary>
    /// Called with the id of each committed transaction, <c>implicit-N</c> for implicit queries. It may throw
    /// <see cref="FakeNeo4jError"/> to fail the commit, after which <see cref="OnRollback"/> is called for an explicit one.
    /// </summary>
    public Action<string>? OnCommit { get; set; }

    /// <summary>Called with the id of each transaction rolled back, failed, or lost when the fake stopped.</summary>
    public Action<string>? OnRollback { get; set; }

    /// <summary>While true, every request is answered 503 with a plain-text body, as a load balancer would.</summary>
    public bool Unavailable { get; set; }

    /// <summary>How long to wait before answering each request (e.g. to make the client time out).</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>Every request received so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The ids of the transactions open now.</summary>
    public IReadOnlyCollection<string> OpenTransactions
    {
        get
        {
            lock (_lock)
            {
                return [.. _transactions.Keys];
            }
        }
    }

    /// <summary>Starts a fake on a free loopback port.</summary>
    public static async Task<QueryApiFake> StartAsync(CancellationToken cancellationToken = default)
    {
        var fake = new QueryApiFake();
        await fake.ListenAsync(0, cancellationToken);
        return fake;
    }

    /// <summary>
    /// Makes the next <paramref name="count"/> requests that pass authentication and name a known database fail with
    /// <paramref name="code"/> (and roll back the transaction they belong to).
    /// </summary>
    public void FailNextRequests(int count, string code = DefaultTransientCode)
    {
        lock (_lock)
        {
            _failuresLeft = count;
            _failureCode = code;
        }
    }

    public void ClearRequests()
    {
        lock (_lock)
        {
            _requests.Clear();
        }
    }

    /// <summary>
    /// Stops listening, so connections are refused, as when Neo4j is down. Open transactions are lost, as in a crash;
    /// <see cref="OnRollback"/> is called for each.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        var app = Interlocked.Exchange(ref _app, null);
        if (app is null)
        {
            return;
        }

        OpenTransaction[] lost;
        lock (_lock)
        {
            lost = [.. _transactions.Values];
            _transactions.Clear();
        }

        // Requests still in flight (a long ResponseDelay) are cut off rather than awaited.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        await app.StopAsync(timeout.Token);
        await app.DisposeAsync();
        foreach (var transaction in lost)
        {
            OnRollback?.Invoke(transaction.Id);
        }
    }

    /// <summary>Listens again on the same port after <see cref="StopAsync"/>.</summary>
    public Task RestartAsync(CancellationToken cancellationToken = default) =>
        _app is null ? ListenAsync(_uri.Port, cancellationToken) : throw new InvalidOperationException("The fake is running.");

    public async ValueTask DisposeAsync() => await StopAsync();

    internal static int StatusFor(string code) => code switch
    {
        "Neo.ClientError.Security.Unauthorized" => StatusCodes.Status401Unauthorized,
        "Neo.ClientError.Database.DatabaseNotFound" => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status400BadRequest,
    };

    private async Task ListenAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _uri = new Uri(address);
        _app = app;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(aborted);
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body);
        lock (_lock)
        {
            _requests.Add(request);
        }

        try
        {
            if (ResponseDelay > TimeSpan.Zero)
            {
                await Task.Delay(ResponseDelay, aborted);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (Unavailable)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("Service Unavailable", aborted);
            return;
        }

        Reply reply;
        try
        {
            reply = Answer(request);
        }
        catch (Exception ex)
        {
            // A hook that throws should show up in the test, not as a bare 500 that the client retries.
            reply = Error(new FakeNeo4jError("Neo.DatabaseError.General.UnknownError", $"The fake failed: {ex}", StatusCodes.Status500InternalServerError));
        }

        context.Response.StatusCode = reply.Status;
        if (reply.Affinity is not null)
        {
            context.Response.Headers[AffinityHeader] = reply.Affinity;
        }

        if (reply.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(reply.Body), aborted);
        }
    }

    private Reply Answer(RecordedRequest request)
    {
        if (Authenticate(request.Authorization) is { } refused)
        {
            return refused;
        }

        if (Route.Parse(request.Path) is not { } route)
        {
            return new Reply(StatusCodes.Status404NotFound, null);
        }

        if (!HttpMethods.IsPost(request.Method) && !(route.Kind == RouteKind.Run && HttpMethods.IsDelete(request.Method)))
        {
            return new Reply(StatusCodes.Status405MethodNotAllowed, null);
        }

        if (!Databases.Contains(route.Database))
        {
            return Error(new FakeNeo4jError("Neo.ClientError.Database.DatabaseNotFound", $"Database does not exist. Database name: '{route.Database}'."));
        }

        if (request.Body.Length > 0 && !(request.Header("Content-Type") ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return new Reply(StatusCodes.Status415UnsupportedMediaType, null);
        }

        JsonElement body;
        try
        {
            body = request.Json;
        }
        catch (JsonException ex)
        {
            return Error(new FakeNeo4jError("Neo.ClientError.Request.InvalidFormat", $"The body is not JSON: {ex.Message}"));
        }

        if (body.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Object))
        {
            return Error(new FakeNeo4jError("Neo.ClientError.Request.Invalid", "The body must be a JSON object."));
        }

        OpenTransaction? transaction = null;
        if (route.TransactionId is { } id)
        {
            lock (_lock)
            {
                transaction = _transactions.GetValueOrDefault(id);
            }

            if (transaction is null || transaction.Database != route.Database || transaction.Affinity != request.Affinity)
            {
                return Error(new FakeNeo4jError(
                    "Neo.ClientError.Request.Invalid",
                    $"Transaction with Id: \"{id}\" was not found. It may have timed out and therefore rolled back or the routing header '{AffinityHeader}' was not provided."));
            }
        }

        if (TakeInjectedFailure() is { } code)
        {
            if (transaction is not null)
            {
                Close(transaction);
            }

            return Error(new FakeNeo4jError(code, "Injected by the fake."), transaction?.Affinity);
        }

        try
        {
            return route.Kind switch
            {
                RouteKind.Query => RunImplicit(route.Database, body),
                RouteKind.Begin => Begin(route.Database, body),
                RouteKind.Run when HttpMethods.IsDelete(request.Method) => Rollback(transaction!),
                RouteKind.Run => RunIn(transaction!, body, commit: false),
                _ => RunIn(transaction!, body, commit: true),
            };
        }
        catch (FakeNeo4jError error)
        {
            return Error(error, transaction?.Affinity);
        }
    }

    private Reply RunImplicit(string database, JsonElement body)
    {
        var cypher = Statement(body) ?? throw new FakeNeo4jError("Neo.ClientError.Request.Invalid", "The body has no statement.");
        var outcome = Execute(new FakeStatement(database, cypher, Parameters(body), Mode(body), null, Bookmarks(body)), body);
        if (outcome.Error is not null)
        {
            return Error(outcome.Error);
        }

        OnCommit?.Invoke($"implicit-{Interlocked.Increment(ref _implicitCount)}");
        outcome.Reply["bookmarks"] = new[] { NewBookmark() };
        return new Reply(StatusCodes.Status202Accepted, outcome.Reply);
    }

    private Reply Begin(string database, JsonElement body)
    {
        var id = $"tx{Interlocked.Increment(ref _transactionCount)}";

        // Distinct for each transaction, so a client that echoes the wrong one is caught.
        var affinity = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_uri.Authority}#{id}"));
        var transaction = new OpenTransaction(id, database, Mode(body), Bookmarks(body), affinity);
        lock (_lock)
        {
            _transactions.Add(id, transaction);
        }

        return RunIn(transaction, body, commit: false);
    }

    private Reply RunIn(OpenTransaction transaction, JsonElement body, bool commit)
    {
        var reply = new Dictionary<string, object?>();
        if (Statement(body) is { } cypher)
        {
            var outcome = Execute(new FakeStatement(transaction.Database, cypher, Parameters(body), transaction.AccessMode, transaction.Id, transaction.Bookmarks), body);
            if (outcome.Error is not null)
            {
                Close(transaction);
                return Error(outcome.Error, transaction.Affinity);
            }

            reply = outcome.Reply;
        }

        if (commit)
        {
            lock (_lock)
            {
                _transactions.Remove(transaction.Id);
            }

            try
            {
                OnCommit?.Invoke(transaction.Id);
            }
            catch (FakeNeo4jError)
            {
                OnRollback?.Invoke(transaction.Id);
                throw;
            }

            reply["bookmarks"] = new[] { NewBookmark() };
        }
        else
        {
            reply["transaction"] = new Dictionary<string, object?>
            {
                ["id"] = transaction.Id,
                ["expires"] = DateTimeOffset.UtcNow.AddSeconds(60).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            };
        }

        return new Reply(StatusCodes.Status202Accepted, reply, transaction.Affinity);
    }

    private Reply Rollback(OpenTransaction transaction)
    {
        Close(transaction);
        return new Reply(StatusCodes.Status202Accepted, new Dictionary<string, object?>(), transaction.Affinity);
    }

    private (Dictionary<string, object?> Reply, FakeNeo4jError? Error) Execute(FakeStatement statement, JsonElement body)
    {
        FakeResult result;
        try
        {
            result = Handler(statement);
        }
        catch (FakeNeo4jError error)
        {
            return ([], error);
        }
        catch (Exception ex)
        {
            return ([], new FakeNeo4jError("Neo.DatabaseError.General.UnknownError", $"The fake's handler threw: {ex}", StatusCodes.Status500InternalServerError));
        }

        var reply = new Dictionary<string, object?>
        {
            ["data"] = new Dictionary<string, object?> { ["fields"] = result.Fields, ["values"] = result.Values },
        };
        if (body.TryGetProperty("includeCounters", out var include) && include.ValueKind == JsonValueKind.True)
        {
            reply["counters"] = Counters(result.Counters ?? new Dictionary<string, long>());
        }

        return (reply, null);
    }

    private static Dictionary<string, object> Counters(IReadOnlyDictionary<string, long> given)
    {
        var counters = new Dictionary<string, object> { ["containsUpdates"] = CounterNames.Any(n => given.GetValueOrDefault(n) > 0) };
        foreach (var name in CounterNames)
        {
            counters[name] = given.GetValueOrDefault(name);
        }

        var systemUpdates = given.GetValueOrDefault("systemUpdates");
        counters["containsSystemUpdates"] = systemUpdates > 0;
        counters["systemUpdates"] = systemUpdates;
        foreach (var (name, value) in given)
        {
            counters.TryAdd(name, value);
        }

        return counters;
    }

    private Reply? Authenticate(string? authorization)
    {
        if (authorization is null)
        {
            return Refuse("Neo.ClientError.Security.Unauthorized", "No authentication header supplied.");
        }

        var parts = authorization.Split(' ', 2);
        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(parts.Length == 2 ? parts[1] : ""));
        }
        catch (FormatException)
        {
            return Refuse("Neo.ClientError.Request.InvalidFormat", "Invalid authentication header.");
        }

        var accepted = parts[0].ToUpperInvariant() switch
        {
            "BASIC" => credentials == $"{User}:{Password}",
            "BEARER" => BearerToken is not null && credentials == BearerToken,
            _ => (bool?)null,
        };
        return accepted switch
        {
            true => null,
            false => Refuse("Neo.ClientError.Security.Unauthorized", "Invalid username or password."),
            null => Refuse("Neo.ClientError.Request.InvalidFormat", "Invalid authentication header."),
        };

        static Reply Refuse(string code, string message) => Error(new FakeNeo4jError(code, message, StatusCodes.Status401Unauthorized));
    }

    private string? TakeInjectedFailure()
    {
        lock (_lock)
        {
            if (_failuresLeft <= 0)
            {
                return null;
            }

            _failuresLeft--;
            return _failureCode;
        }
    }

    private void Close(OpenTransaction transaction)
    {
        bool removed;
        lock (_lock)
        {
            removed = _transactions.Remove(transaction.Id);
        }

        if (removed)
        {
            OnRollback?.Invoke(transaction.Id);
        }
    }

    private string NewBookmark() => $"FB:fake-{Interlocked.Increment(ref _bookmarkCount)}";

    private static Reply Error(FakeNeo4jError error, string? affinity = null) =>
        new(error.Status, new { errors = new[] { new { code = error.Code, message = error.Message } } }, affinity);

    private static string? Statement(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("statement", out var statement) && statement.ValueKind == JsonValueKind.String
            ? statement.GetString()
            : null;

    private static Dictionary<string, JsonElement> Parameters(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object
            ? parameters.EnumerateObject().ToDictionary(p => p.Name, p => p.Value)
            : [];

    private static AccessMode Mode(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("accessMode", out var mode))
        {
            return AccessMode.Write;
        }

        return mode.GetString() switch
        {
            "Read" => AccessMode.Read,
            "Write" => AccessMode.Write,
            var other => throw new FakeNeo4jError("Neo.ClientError.Request.Invalid", $"accessMode must be Read or Write, not {other}."),
        };
    }

    private static string[] Bookmarks(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("bookmarks", out var bookmarks) && bookmarks.ValueKind == JsonValueKind.Array
            ? [.. bookmarks.EnumerateArray().Select(b => b.GetString() ?? "")]
            : [];

    private enum RouteKind
    {
        Query,
        Begin,
        Run,
        Commit,
    }

    private sealed record Route(RouteKind Kind, string Database, string? TransactionId)
    {
        // /db/{db}/query/v2, then /tx, /tx/{id} or /tx/{id}/commit.
        public static Route? Parse(string path)
        {
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
            if (segments.Length < 4 || segments[0] != "db" || segments[2] != "query" || segments[3] != "v2")
            {
                return null;
            }

            return segments[4..] switch
            {
                [] => new Route(RouteKind.Query, segments[1], null),
                ["tx"] => new Route(RouteKind.Begin, segments[1], null),
                ["tx", var id] => new Route(RouteKind.Run, segments[1], id),
                ["tx", var id, "commit"] => new Route(RouteKind.Commit, segments[1], id),
                _ => null,
            };
        }
    }

    private sealed record OpenTransaction(string Id, string Database, AccessMode AccessMode, IReadOnlyList<string> Bookmarks, string Affinity);

    private sealed record Reply(int Status, object? Body, string? Affinity = null);
}
