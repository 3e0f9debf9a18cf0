using Graph.Neo4j.Client;
using Graph.Neo4j.Tests.Fake;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Graph.Neo4j.Tests.Client;

/// <summary>A <see cref="QueryApiFake"/> and clients of it that count their HTTP attempts, even refused ones.</summary>
public sealed class QueryApiHarness : IAsyncDisposable
{
    private readonly AttemptCounter _counter = new() { InnerHandler = new SocketsHttpHandler() };
    private readonly HttpClient _http;

    private QueryApiHarness(QueryApiFake fake)
    {
        Fake = fake;
        _http = new HttpClient(_counter);
    }

    public QueryApiFake Fake { get; }

    /// <summary>HTTP requests the clients tried to send, whether or not they got through.</summary>
    public int Attempts => _counter.Count;

    public static async Task<QueryApiHarness> StartAsync() => new(await QueryApiFake.StartAsync());

    /// <summary>A client with the fake's credentials and tiny retry delays, so retry tests stay fast.</summary>
    public Neo4jClient Client(Action<Neo4jOptions>? configure = null)
    {
        var options = new Neo4jOptions
        {
            Uri = Fake.Uri,
            User = Fake.User,
            Password = Fake.Password,
            MaxRetries = 3,
            RetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(4),
            RequestTimeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return new Neo4jClient(_http, Options.Create(options), NullLogger<Neo4jClient>.Instance, TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Fake.DisposeAsync();
    }

    private sealed class AttemptCounter : DelegatingHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
