using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Graph.Neo4j.Tests.Fake;
using Graph.Testing;
using Xunit.Abstractions;

namespace Graph.Neo4j.Tests.Recordings;

/// <summary>
/// Replays every exchange recorded from a real Neo4j 5.26.0, in order, against the fake (always) and against a live
/// server (when <c>NEO4J_URI</c> is set), and compares each answer with the recorded one: status, <c>Content-Type</c>,
/// <c>WWW-Authenticate</c>, error codes, the shape of the body (which keys, which kinds of value), the fields and the
/// values. Ids, bookmarks and times are left aside, and transaction ids are mapped to the ones the target gives out.
/// </summary>
/// <remarks>
/// The fake does not interpret Cypher, so against it each statement's outcome (its rows, or the statement error a
/// real server raised) comes from the recording; everything around it is the fake's own: which requests reach a
/// statement at all, the statuses, the envelope, transaction lifecycles, typed JSON, authentication.
/// </remarks>
public sealed class RecordedExchangeTests(ITestOutputHelper output)
{
    private const string User = "neo4j";
    private const string Password = "recorded-password";

    public static IEnumerable<object[]> Targets()
    {
        yield return ["fake"];
        if (LiveNeo4j.Uri is not null)
        {
            yield return ["neo4j"];
        }
    }

    [Fact]
    public void The_recordings_are_there_and_cover_the_protocol()
    {
        var exchanges = RecordedExchange.All;

        Assert.True(exchanges.Count >= 72, $"Expected the 41 team recordings and the client's own; found {exchanges.Count} in {RecordedExchange.Folder}.");
        Assert.Contains(exchanges, e => e.Name == "tx-commit-without-content-type" && e.Status == 500);
        Assert.Contains(exchanges, e => e.Method == "DELETE" && e.Status == 200 && e.ResponseBody.ValueKind == JsonValueKind.Null);
        Assert.Contains(exchanges, e => e.ErrorCode == "Neo.TransientError.Transaction.DeadlockDetected" && e.Status == 400);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Every_recorded_exchange_is_answered_as_the_real_server_answered_it(string target)
    {
        await using ReplayTarget replay = target == "fake" ? await FakeTarget.StartAsync() : LiveTarget.Create();
        await replay.PrepareAsync();
        var transactionIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var differences = new List<string>();
        foreach (var exchange in RecordedExchange.All)
        {
            if (exchange.Concurrent && !replay.CanReplayConcurrent)
            {
                output.WriteLine($"skipped {exchange.File}: it needs another transaction running at once");
                continue;
            }

            replay.Expect(exchange);
            using var response = await replay.Http.SendAsync(Request(exchange, replay, transactionIds));
            var body = await response.Content.ReadAsStringAsync();
            var actual = body.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(body);
            if (exchange.TransactionId is { } recordedId && actual.ValueKind == JsonValueKind.Object
                && actual.TryGetProperty("transaction", out var transaction) && transaction.ValueKind == JsonValueKind.Object)
            {
                transactionIds[recordedId] = transaction.GetProperty("id").GetString()!;
            }

            var found = Compare(exchange, (int)response.StatusCode, ContentType(response), Header(response, "WWW-Authenticate"), actual).ToList();
            found.AddRange(replay.TakeProblems());
            output.WriteLine($"{(found.Count == 0 ? "same" : "DIFFERENT")} {exchange.File}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 160)]}");
            differences.AddRange(found.Select(d => $"{exchange}: {d}"));
        }

        await replay.RollBackAsync(transactionIds.Values);
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    private static HttpRequestMessage Request(RecordedExchange exchange, ReplayTarget target, Dictionary<string, string> transactionIds)
    {
        var path = transactionIds.Aggregate(exchange.Path, (p, id) => p.Replace($"/tx/{id.Key}", $"/tx/{id.Value}", StringComparison.Ordinal));
        path = path.Replace("/db/neo4j/", $"/db/{target.Database}/", StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(exchange.Method), new Uri(target.Uri, path));
        if (exchange.RequestHeader("Accept") is { } accept)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (exchange.RequestHeader("Authorization") is { } authorization)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization switch
            {
                "Basic <user:password>" => Basic(target.User, target.Password),

                // The team's recorder masks every other credential; the one it sent was a wrong password.
                "<other credentials>" => Basic(target.User, "wrong-" + target.Password),
                var sent => sent,
            });
        }
        var body = exchange.RequestBody.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => exchange.RequestBody.GetString(),
            _ => exchange.RequestBody.GetRawText(),
        };
        if (body is not null || exchange.RequestHeader("Content-Type") is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body ?? ""));
            if (exchange.RequestHeader("Content-Type") is { } contentType)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }

        return request;
    }

    private static string Basic(string user, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    private static IEnumerable<string> Compare(RecordedExchange exchange, int status, string? contentType, string? authenticate, JsonElement body)
    {
        if (status != exchange.Status)
        {
            yield return $"status {status}, recorded {exchange.Status}";
        }

        if (!SameMediaType(contentType, exchange.ResponseHeader("Content-Type")))
        {
            yield return $"Content-Type '{contentType}', recorded '{exchange.ResponseHeader("Content-Type")}'";
        }

        if (authenticate != exchange.ResponseHeader("WWW-Authenticate"))
        {
            yield return $"WWW-Authenticate '{authenticate}', recorded '{exchange.ResponseHeader("WWW-Authenticate")}'";
        }

        foreach (var difference in CompareJson(exchange.ResponseBody, body, "$"))
        {
            yield return difference;
        }
    }

    // Values compared only by kind: what each server issues for itself.
    private static readonly HashSet<string> IssuedByTheServer = ["$.transaction.id", "$.transaction.expires", "$.bookmarks[]", "elementId", "$.errors[].message", "$.query", "$.transaction", "$.bolt_routing", "$.bolt_direct"];

    private static IEnumerable<string> CompareJson(JsonElement recorded, JsonElement actual, string path)
    {
        var recordedKind = recorded.ValueKind == JsonValueKind.Undefined ? JsonValueKind.Null : recorded.ValueKind;
        var actualKind = actual.ValueKind == JsonValueKind.Undefined ? JsonValueKind.Null : actual.ValueKind;
        if (Kind(recordedKind) != Kind(actualKind))
        {
            yield return $"{path} is {actualKind}, recorded {recordedKind}";
            yield break;
        }

        switch (recordedKind)
        {
            case JsonValueKind.Object:
                var recordedKeys = recorded.EnumerateObject().Select(p => p.Name).ToHashSet();
                var actualKeys = actual.EnumerateObject().Select(p => p.Name).ToHashSet();
                if (!recordedKeys.SetEquals(actualKeys))
                {
                    yield return $"{path} has keys {{{string.Join(", ", actualKeys.Order())}}}, recorded {{{string.Join(", ", recordedKeys.Order())}}}";
                    yield break;
                }

                foreach (var key in recordedKeys)
                {
                    var child = $"{path}.{key}";
                    if (!IssuedByTheServer.Contains(child) && !IssuedByTheServer.Contains(key))
                    {
                        foreach (var difference in CompareJson(recorded.GetProperty(key), actual.GetProperty(key), child))
                        {
                            yield return difference;
                        }
                    }
                }

                break;
            case JsonValueKind.Array:
                var item = path + "[]";
                if (IssuedByTheServer.Contains(item))
                {
                    break;
                }

                if (recorded.GetArrayLength() != actual.GetArrayLength())
                {
                    yield return $"{path} has {actual.GetArrayLength()} items, recorded {recorded.GetArrayLength()}";
                    yield break;
                }

                foreach (var (r, a) in recorded.EnumerateArray().Zip(actual.EnumerateArray()))
                {
                    foreach (var difference in CompareJson(r, a, item))
                    {
                        yield return difference;
                    }
                }

                break;
            case JsonValueKind.Null:
                break;
            case JsonValueKind.String:
                if (recorded.GetString() != actual.GetString())
                {
                    yield return $"{path} is {actual.GetRawText()}, recorded {recorded.GetRawText()}";
                }

                break;
            default:
                if (recorded.GetRawText() != actual.GetRawText())
                {
                    yield return $"{path} is {actual.GetRawText()}, recorded {recorded.GetRawText()}";
                }

                break;
        }
    }

    private static JsonValueKind Kind(JsonValueKind kind) => kind == JsonValueKind.False ? JsonValueKind.True : kind;

    private static bool SameMediaType(string? actual, string? recorded) =>
        string.Equals(actual?.Replace(" ", "", StringComparison.Ordinal), recorded?.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);

    private static string? ContentType(HttpResponseMessage response) =>
        response.Content.Headers.TryGetValues("Content-Type", out var values) ? string.Join(",", values) : null;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    /// <summary>Where the exchanges are replayed.</summary>
    private abstract class ReplayTarget : IAsyncDisposable
    {
        public HttpClient Http { get; } = new();

        public abstract Uri Uri { get; }

        public abstract string User { get; }

        public abstract string Password { get; }

        public virtual string Database => "neo4j";

        public abstract bool CanReplayConcurrent { get; }

        public virtual Task PrepareAsync() => Task.CompletedTask;

        public virtual void Expect(RecordedExchange exchange)
        {
        }

        public virtual IEnumerable<string> TakeProblems() => [];

        /// <summary>Rolls back what the replay left open (a transaction whose deadlock was skipped), ignoring 404s.</summary>
        public async Task RollBackAsync(IEnumerable<string> transactionIds)
        {
            foreach (var id in transactionIds)
            {
                using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(Uri, $"/db/{Database}/query/v2/tx/{id}"));
                request.Headers.TryAddWithoutValidation("Authorization", Basic(User, Password));
                using var response = await Http.SendAsync(request);
            }
        }

        public virtual ValueTask DisposeAsync()
        {
            Http.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// The fake, whose handler answers each statement with the recorded outcome and notes when the fake asks it about
    /// a request that never reached a statement on the real server.
    /// </summary>
    private sealed class FakeTarget : ReplayTarget
    {
        private readonly QueryApiFake _fake;
        private readonly List<string> _problems = [];
        private RecordedExchange? _current;

        private FakeTarget(QueryApiFake fake)
        {
            _fake = fake;
            _fake.User = User;
            _fake.Password = Password;
            _fake.Handler = Answer;
        }

        public override Uri Uri => _fake.Uri;

        public override string User => RecordedExchangeTests.User;

        public override string Password => RecordedExchangeTests.Password;

        public override bool CanReplayConcurrent => true;

        public static async Task<FakeTarget> StartAsync() => new(await QueryApiFake.StartAsync());

        public override void Expect(RecordedExchange exchange) => _current = exchange;

        public override IEnumerable<string> TakeProblems()
        {
            var problems = _problems.ToList();
            _problems.Clear();
            return problems;
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await _fake.DisposeAsync();
        }

        private FakeResult Answer(FakeStatement statement)
        {
            var recorded = _current!.ResponseBody;
            if (_current.ErrorCode is { } code)
            {
                throw new FakeNeo4jError(code, recorded.GetProperty("errors")[0].GetProperty("message").GetString()!);
            }

            if (recorded.ValueKind != JsonValueKind.Object || !recorded.TryGetProperty("data", out var data))
            {
                _problems.Add($"the fake ran the statement '{statement.Cypher}', which the real server answered without running it");
                return FakeResult.Empty;
            }

            var counters = recorded.TryGetProperty("counters", out var reported)
                ? reported.EnumerateObject().Where(c => c.Value.ValueKind == JsonValueKind.Number).ToDictionary(c => c.Name, c => c.Value.GetInt64())
                : null;
            var notifications = recorded.TryGetProperty("notifications", out var list) ? list.EnumerateArray().Select(n => (object)n).ToList() : null;
            return new FakeResult(
                [.. data.GetProperty("fields").EnumerateArray().Select(f => f.GetString()!)],
                [.. data.GetProperty("values").EnumerateArray().Select(row => (IReadOnlyList<object?>)[.. row.EnumerateArray().Select(Value)])],
                counters,
                notifications);
        }

        // A recorded value as the handler gives it: typed JSON read back into values, plain JSON as it is.
        private static object? Value(JsonElement value)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("$type", out var type))
            {
                return value;
            }

            var inner = value.GetProperty("_value");
            return type.GetString() switch
            {
                "Null" => null,
                "Boolean" => inner.GetBoolean(),
                "String" => inner.GetString(),
                "Integer" => long.Parse(inner.GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                "Float" => double.Parse(inner.GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                "List" => inner.EnumerateArray().Select(Value).ToList(),
                "Map" => inner.EnumerateObject().ToDictionary(p => p.Name, p => Value(p.Value)),
                var other => new FakeTypedValue(other!, inner.GetString()!),
            };
        }
    }

    /// <summary>A live Neo4j, emptied of the probes the recordings write before and after.</summary>
    private sealed class LiveTarget : ReplayTarget
    {
        public override Uri Uri { get; } = LiveNeo4j.Uri!;

        public override string User { get; } = LiveNeo4j.User ?? "neo4j";

        public override string Password { get; } = LiveNeo4j.Password ?? "";

        public override string Database { get; } = LiveNeo4j.Database;

        public override bool CanReplayConcurrent => false;

        public static LiveTarget Create() => new();

        private IAsyncDisposable? _database;

        public override async Task PrepareAsync()
        {
            _database ??= await LiveNeo4j.UseDatabaseAsync();
            await RunAsync("MATCH (n:TranscriptProbe) DETACH DELETE n");
            await RunAsync("DROP CONSTRAINT transcript_probe_id IF EXISTS");
        }

        public override async ValueTask DisposeAsync()
        {
            await PrepareAsync();
            await base.DisposeAsync();
            await _database!.DisposeAsync();
        }

        private async Task RunAsync(string cypher)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Uri, $"/db/{Database}/query/v2"))
            {
                Content = new StringContent(JsonSerializer.Serialize(new { statement = cypher }), Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("Authorization", Basic(User, Password));
            using var response = await Http.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }
    }
}
