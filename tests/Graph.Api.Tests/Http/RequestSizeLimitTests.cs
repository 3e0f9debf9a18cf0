using System.Net;
using System.Text;
using Graph.Testing;

namespace Graph.Api.Tests.Http;

/// <summary>
/// <c>GraphQL:MaxRequestBytes</c> through Kestrel itself, on the service as a user starts it: whether the body says
/// its length up front or arrives in chunks, a body over the limit gets 413 and a sentence, one within it an answer.
/// </summary>
public sealed class RequestSizeLimitTests : IAsyncLifetime
{
    private const int Limit = 4_096;
    private readonly ScratchDirectory _data = new();
    private ServiceProcess? _service;
    private HttpClient? _client;

    private HttpClient Client => _client!;

    public async Task InitializeAsync()
    {
        _service = await ServiceProcess.StartAsync(_data.Path, $"--GraphQL:MaxRequestBytes={Limit}");
        _client = new HttpClient { BaseAddress = _service.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        _data.Dispose();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_the_configured_limit_is_refused_with_413_and_a_message(bool chunked)
    {
        using var request = Post(Body(Limit + 1), chunked);

        using var response = await Client.SendAsync(request);

        await HttpTransportTests.AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge, "REQUEST_TOO_LARGE",
            $"The request body is larger than the {Limit} bytes this server accepts.");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_of_exactly_the_configured_limit_is_answered(bool chunked)
    {
        using var request = Post(Body(Limit), chunked);

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A valid request padded with spaces to <paramref name="length"/> bytes.</summary>
    private static byte[] Body(int length)
    {
        var request = """{"query": "{ __typename }"}""";
        return Encoding.UTF8.GetBytes(request + new string(' ', length - request.Length));
    }

    private static HttpRequestMessage Post(byte[] body, bool chunked)
    {
        // A stream of unknown length is sent chunked, without Content-Length.
        HttpContent content = chunked ? new StreamContent(new UnseekableStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.TransferEncodingChunked = chunked;
        return request;
    }

    private sealed class UnseekableStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
