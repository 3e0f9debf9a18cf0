using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Graph.Neo4j.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Graph.Neo4j.Tests.Fake;

/// <summary>
/// Neo4j's HTTP Query API v2 on a loopback Kestrel port, for the tests CI runs without a Neo4j server. It answers as
/// a real Neo4j 5.26.0 was seen to answer (the exchanges in <c>Recordings/query-api-5.26</c>, which
/// <c>RecordedExchangeTests</c> replays against it):
/// <list type="bullet">
/// <item>requests are checked in the server's order: credentials (401, or 400 for a malformed header), route (404),
/// method (405), <c>Content-Type</c> (415, or 500 "Request failed." for a POST with neither body nor type), <c>Accept</c>
/// (406), the body (400 "Bad Request"), the transaction (404 "not found"), the database (404), the statement;</item>
/// <item>success is 202: <c>data</c>, <c>counters</c> only when asked for, <c>bookmarks</c> after an auto-commit query
/// or a commit, <c>transaction</c> while a transaction stays open; a rollback is 200 with no body;</item>
/// <item>an error answered to a statement closes its transaction; a commit refused for its missing
/// <c>Content-Type</c> leaves it open;</item>
/// <item>errors are <c>{"errors": [{"code", "message"}]}</c>, 400 for statement errors, transient ones included;</item>
/// <item>typed JSON (<c>application/vnd.neo4j.query</c>) when the client accepts it.</item>
/// </list>
/// </summary>
/// <remarks>
/// Cypher is not interpreted: <see cref="Handler"/> says what each statement returns. It is called outside any lock,
/// for auto-commit queries (<see cref="FakeStatement.TransactionId"/> null: their writes count as committed when it
/// returns, after which <see cref="OnCommit"/> is called with a synthetic id <c>implicit-N</c>) and for statements of
/// explicit transactions (a model should stage their writes until <see cref="OnCommit"/> or <see cref="OnRollback"/>
/// names the transaction). <see cref="ClusterAffinity"/> adds what a cluster or Aura does and this machine cannot run:
/// the <c>neo4j-cluster-affinity</c> header, as documented.
/// </remarks>
public sealed class QueryApiFake : IAsyncDisposable
{
    public const string AffinityHeader = "neo4j-cluster-affinity";

    public const string DefaultTransientCode = "Neo.TransientError.General.DatabaseUnavailable";

    private const string Json = "application/json";
    private const string TypedJson = "application/vnd.neo4j.query";
    private const string RequestInvalid = "Neo.ClientError.Request.Invalid";

    private static readonly string[] CounterNames =
    [
        "nodesCreated", "nodesDeleted", "propertiesSet", "relationshipsCreated", "relationshipsDeleted", "labelsAdded",
        "labelsRemoved", "indexesAdded", "indexesRemoved", "constraintsAdded", "constraintsRemoved",
    ];

    private static readonly HashSet<string> BodyFields = ["statement", "parameters", "includeCounters", "accessMode", "bookmarks", "impersonatedUser", "maxExecutionTime"];

    private readonly Lock _lock = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Dictionary<string, OpenTransaction> _transactions = [];
    private WebApplication? _app;
    private Uri _uri = new("http://127.0.0.1/");
    private int _failuresLeft;
    private string _failureCode = DefaultTransientCode;
    private int _transactionCount;
    private int _implicitCount;
    private long _lastBookmark;

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

    /// <summary>
    /// Whether to behave as a cluster member or Aura does, by the docs: every answer about a transaction carries a
    /// <c>neo4j-cluster-affinity</c> header that the later requests of the transaction must echo. A single server (what
    /// was recorded) sends none and needs none.
    /// </summary>
    public bool ClusterAffinity { get; set; }

    /// <summary>Says what each statement returns, or throws <see cref="FakeNeo4jError"/>. By default: nothing.</summary>
    public Func<FakeStatement, FakeResult> Handler { get; set; } = _ => FakeResult.Empty;

    /// <summary>
    /// Called with the id of each committed transaction, <c>implicit-N</c> for auto-commit queries. It may throw
    /// <see cref="FakeNeo4jError"/> to fail the commit, after which <see cref="OnRollback"/> is called for an explicit one.
    /// </summary>
    public Action<string>? OnCommit { get; set; }

    /// <summary>Called with the id of each transaction rolled back, failed, or lost when the fake stopped.</summary>
    public Action<string>? OnRollback { get; set; }

    /// <summary>While true, every request is answered 503 with a plain-text body, as a proxy in front of Neo4j would.</summary>
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
    /// Makes the next <paramref name="count"/> statements and commits that get past the protocol's checks fail with
    /// <paramref name="code"/>, closing the transaction they belong to, as an error does on the server.
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

    /// <summary>The id of the <paramref name="n"/>th transaction the fake opens: four hex digits, as the server's are.</summary>
    public static string TransactionId(int n) => n.ToString("x4", CultureInfo.InvariantCulture);

    /// <summary>
    /// The <paramref name="n"/>th bookmark the fake gives out: "FB:" and base64, as the server's are. The fake takes only
    /// bookmarks it gave out, and answers any other with <c>Neo.ClientError.Transaction.InvalidBookmark</c>.
    /// </summary>
    public static string Bookmark(long n) => "FB:" + Convert.ToBase64String(BitConverter.GetBytes(n));

    /// <summary>The status the server answers an error code with, as recorded: statement errors are all 400.</summary>
    internal static int StatusFor(string code) => code switch
    {
        "Neo.ClientError.Security.Unauthorized" => StatusCodes.Status401Unauthorized,
        "Neo.ClientError.Database.DatabaseNotFound" => StatusCodes.Status404NotFound,
        _ when code.StartsWith("Neo.DatabaseError.", StringComparison.Ordinal) => StatusCodes.Status500InternalServerError,
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
            reply = Error(new FakeNeo4jError("Neo.DatabaseError.General.UnknownError", $"The fake failed: {ex}"));
        }

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (reply.Affinity is not null && ClusterAffinity)
        {
            context.Response.Headers[AffinityHeader] = reply.Affinity;
        }

        if (reply.Body is not null)
        {
            context.Response.ContentType = reply.ContentType ?? (reply.Typed ? TypedJson : Json);
            await context.Response.WriteAsync(reply.Body.ToJsonString(), aborted);
        }
    }

    private Reply Answer(RecordedRequest request)
    {
        if (request.Method == "GET" && request.Path == "/")
        {
            return Discovery();
        }

        if (Authenticate(request.Authorization) is { } refused)
        {
            return refused;
        }

        if (Route.Parse(request.Path) is not { } route)
        {
            return Invalid(StatusCodes.Status404NotFound, "Not Found");
        }

        var deleting = HttpMethods.IsDelete(request.Method);
        if (deleting && route.Kind != RouteKind.Run)
        {
            return new Reply(StatusCodes.Status405MethodNotAllowed, null);
        }

        if (!deleting && !HttpMethods.IsPost(request.Method))
        {
            return Invalid(StatusCodes.Status405MethodNotAllowed, "Method Not Allowed");
        }

        var typed = false;
        var body = Body.None;
        if (!deleting)
        {
            var contentType = MediaType(request.Header("Content-Type"));
            if (contentType is null && request.Body.Length == 0)
            {
                return Invalid(StatusCodes.Status500InternalServerError, "Request failed.");
            }

            if (contentType is not (Json or TypedJson))
            {
                return Invalid(StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type");
            }

            if (Accepts(request.Header("Accept")) is not { } typedAnswer)
            {
                return Invalid(StatusCodes.Status406NotAcceptable, "Not Acceptable");
            }

            typed = typedAnswer;
            if (Body.Parse(request.Body) is not { } parsed)
            {
                return Invalid(StatusCodes.Status400BadRequest, "Bad Request", typed);
            }

            body = parsed;
        }

        OpenTransaction? transaction = null;
        if (route.TransactionId is { } id)
        {
            lock (_lock)
            {
                transaction = _transactions.GetValueOrDefault(id);
            }

            if (transaction is null || transaction.Database != route.Database || (ClusterAffinity && transaction.Affinity != request.Affinity))
            {
                return Invalid(
                    StatusCodes.Status404NotFound,
                    $"Transaction with Id: \"{id}\" was not found. It may have timed out and therefore rolled back or the routing header '{AffinityHeader}' was not provided.",
                    typed);
            }
        }

        if (!Databases.Contains(route.Database))
        {
            return Error(new FakeNeo4jError("Neo.ClientError.Database.DatabaseNotFound", $"Graph not found: {route.Database}"), typed);
        }

        if (TakeInjectedFailure() is { } injected)
        {
            if (transaction is not null)
            {
                Close(transaction);
            }

            return Error(new FakeNeo4jError(injected, "Injected by the fake."), typed, transaction?.Affinity);
        }

        if (deleting)
        {
            return Rollback(transaction!);
        }

        if (body.Bookmarks.FirstOrDefault(b => !IsBookmark(b)) is { } wrong)
        {
            return Error(new FakeNeo4jError("Neo.ClientError.Transaction.InvalidBookmark", $"Parsing of supplied bookmarks failed: '{wrong}' is not a bookmark this server issued."), typed);
        }

        return route.Kind switch
        {
            RouteKind.Query => RunImplicit(route.Database, body, typed),
            RouteKind.Begin => Begin(route.Database, body, typed),
            RouteKind.Run => RunIn(transaction!, body, typed, commit: false),
            _ => RunIn(transaction!, body, typed, commit: true),
        };
    }

    private Reply Discovery() => new(StatusCodes.Status200OK, FakeValues.Node(new Dictionary<string, object?>
    {
        ["bolt_routing"] = $"neo4j://{_uri.Host}:7687",
        ["query"] = $"{_uri.AbsoluteUri}db/{{databaseName}}/query/v2",
        ["transaction"] = $"{_uri.AbsoluteUri}db/{{databaseName}}/tx",
        ["bolt_direct"] = $"bolt://{_uri.Host}:7687",
        ["neo4j_version"] = "5.26.0",
        ["neo4j_edition"] = "community",
    }));

    private Reply RunImplicit(string database, Body body, bool typed)
    {
        if (string.IsNullOrEmpty(body.Statement))
        {
            return Invalid(StatusCodes.Status400BadRequest, "statement cannot be null or empty", typed);
        }

        var outcome = Execute(new FakeStatement(database, body.Statement, body.Parameters, body.AccessMode, null, body.Bookmarks), body, typed);
        if (outcome.Error is not null)
        {
            return Error(outcome.Error, typed);
        }

        OnCommit?.Invoke($"implicit-{Interlocked.Increment(ref _implicitCount)}");
        outcome.Reply["bookmarks"] = new[] { NewBookmark() };
        return new Reply(StatusCodes.Status202Accepted, FakeValues.Node(outcome.Reply), Typed: typed);
    }

    private Reply Begin(string database, Body body, bool typed)
    {
        if (body.Statement is "")
        {
            return Error(new FakeNeo4jError("Neo.DatabaseError.General.UnknownError", "An unknown error occurred."), typed);
        }

        var id = TransactionId(Interlocked.Increment(ref _transactionCount));

        // Distinct for each transaction, so a client that echoes the wrong one is caught.
        var affinity = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_uri.Authority}#{id}"));
        var transaction = new OpenTransaction(id, database, body.AccessMode, body.Bookmarks, affinity);
        lock (_lock)
        {
            _transactions.Add(id, transaction);
        }

        return RunIn(transaction, body, typed, commit: false);
    }

    private Reply RunIn(OpenTransaction transaction, Body body, bool typed, bool commit)
    {
        var reply = new Dictionary<string, object?>();
        if (!string.IsNullOrEmpty(body.Statement))
        {
            var statement = new FakeStatement(transaction.Database, body.Statement, body.Parameters, transaction.AccessMode, transaction.Id, transaction.Bookmarks);
            var outcome = Execute(statement, body, typed);
            if (outcome.Error is not null)
            {
                Close(transaction);
                return Error(outcome.Error, typed, transaction.Affinity);
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
            catch (FakeNeo4jError error)
            {
                OnRollback?.Invoke(transaction.Id);
                return Error(error, typed, transaction.Affinity);
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

        return new Reply(StatusCodes.Status202Accepted, FakeValues.Node(reply), transaction.Affinity, typed);
    }

    private Reply Rollback(OpenTransaction transaction)
    {
        Close(transaction);
        return new Reply(StatusCodes.Status200OK, null, transaction.Affinity);
    }

    private (Dictionary<string, object?> Reply, FakeNeo4jError? Error) Execute(FakeStatement statement, Body body, bool typed)
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
            return ([], new FakeNeo4jError("Neo.DatabaseError.General.UnknownError", $"The fake's handler threw: {ex}"));
        }

        var reply = new Dictionary<string, object?>
        {
            ["data"] = new Dictionary<string, object?>
            {
                ["fields"] = result.Fields,
                ["values"] = result.Values.Select(row => row.Select(value => FakeValues.Encode(value, typed)).ToArray()).ToArray(),
            },
        };
        if (body.IncludeCounters)
        {
            reply["counters"] = Counters(result.Counters ?? new Dictionary<string, long>());
        }

        if (result.Notifications is { Count: > 0 } notifications)
        {
            reply["notifications"] = notifications;
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
            return Refuse("No authentication header supplied.");
        }

        var parts = authorization.Split(' ', 2);
        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(parts.Length == 2 ? parts[1] : ""));
        }
        catch (FormatException)
        {
            return Malformed();
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
            false => Refuse("Invalid credential."),
            null => Malformed(),
        };

        static Reply Refuse(string message) => Error(
            new FakeNeo4jError("Neo.ClientError.Security.Unauthorized", message),
            headers: new Dictionary<string, string> { ["WWW-Authenticate"] = "Basic realm=\"Neo4j\", Bearer realm=\"Neo4j\"" },
            contentType: "application/json;charset=utf-8");

        static Reply Malformed() => Error(
            new FakeNeo4jError("Neo.ClientError.Request.InvalidFormat", "Invalid authentication header."),
            contentType: "application/json;charset=utf-8");
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

    private string NewBookmark() => Bookmark(Interlocked.Increment(ref _lastBookmark));

    private bool IsBookmark(string bookmark)
    {
        try
        {
            return bookmark.StartsWith("FB:", StringComparison.Ordinal)
                && Convert.FromBase64String(bookmark[3..]) is { Length: 8 } bytes
                && BitConverter.ToInt64(bytes) <= Interlocked.Read(ref _lastBookmark);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string? MediaType(string? header) =>
        header is not null && MediaTypeHeaderValue.TryParse(header, out var parsed) ? parsed.MediaType?.ToLowerInvariant() : null;

    // Whether the answer is typed JSON; null when the client accepts neither kind.
    private static bool? Accepts(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        var types = header.Split(',').Select(MediaType).ToList();
        return types.Contains(TypedJson) ? true : types.Any(t => t is Json or "*/*" or "application/*") ? false : null;
    }

    private static Reply Invalid(int status, string message, bool typed = false) =>
        Error(new FakeNeo4jError(RequestInvalid, message), typed, status: status);

    private static Reply Error(
        FakeNeo4jError error,
        bool typed = false,
        string? affinity = null,
        IReadOnlyDictionary<string, string>? headers = null,
        string? contentType = null,
        int? status = null) =>
        new(
            status ?? error.Status,
            FakeValues.Node(new Dictionary<string, object?> { ["errors"] = new[] { new Dictionary<string, object?> { ["code"] = error.Code, ["message"] = error.Message } } }),
            affinity,
            typed,
            headers,
            contentType);

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

    /// <summary>A request body as the server reads it: an object of known fields, or nothing at all.</summary>
    private sealed record Body(
        string? Statement,
        IReadOnlyDictionary<string, JsonElement> Parameters,
        bool IncludeCounters,
        AccessMode AccessMode,
        IReadOnlyList<string> Bookmarks)
    {
        public static readonly Body None = new(null, new Dictionary<string, JsonElement>(), false, AccessMode.Write, []);

        /// <summary>The body, or null where the server answers "Bad Request".</summary>
        public static Body? Parse(string text)
        {
            if (text.Length == 0)
            {
                return None;
            }

            JsonElement root;
            try
            {
                root = JsonSerializer.Deserialize<JsonElement>(text);
            }
            catch (JsonException)
            {
                return null;
            }

            if (root.ValueKind != JsonValueKind.Object || root.EnumerateObject().Any(p => !BodyFields.Contains(p.Name)))
            {
                return null;
            }

            var statement = root.TryGetProperty("statement", out var s) ? s : default;
            var parameters = root.TryGetProperty("parameters", out var p) ? p : default;
            var mode = root.TryGetProperty("accessMode", out var m) ? m : default;
            var bookmarks = root.TryGetProperty("bookmarks", out var b) ? b : default;
            if (statement.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String or JsonValueKind.Number)
                || parameters.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object)
                || mode.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.String)
                || bookmarks.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Array))
            {
                return null;
            }

            AccessMode accessMode;
            switch (mode.ValueKind == JsonValueKind.String ? mode.GetString()!.ToUpperInvariant() : "WRITE")
            {
                case "READ":
                    accessMode = AccessMode.Read;
                    break;
                case "WRITE":
                    accessMode = AccessMode.Write;
                    break;
                default:
                    return null;
            }

            return new Body(
                statement.ValueKind switch
                {
                    JsonValueKind.String => statement.GetString(),
                    JsonValueKind.Number => statement.GetRawText(),
                    _ => null,
                },
                parameters.ValueKind == JsonValueKind.Object ? parameters.EnumerateObject().ToDictionary(e => e.Name, e => e.Value) : new Dictionary<string, JsonElement>(),
                root.TryGetProperty("includeCounters", out var counters) && counters.ValueKind == JsonValueKind.True,
                accessMode,
                bookmarks.ValueKind == JsonValueKind.Array ? [.. bookmarks.EnumerateArray().Select(x => x.GetString() ?? "")] : []);
        }
    }

    private sealed record OpenTransaction(string Id, string Database, AccessMode AccessMode, IReadOnlyList<string> Bookmarks, string Affinity);

    private sealed record Reply(
        int Status,
        System.Text.Json.Nodes.JsonNode? Body,
        string? Affinity = null,
        bool Typed = false,
        IReadOnlyDictionary<string, string>? Headers = null,
        string? ContentType = null);
}
