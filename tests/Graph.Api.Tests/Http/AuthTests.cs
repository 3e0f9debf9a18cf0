using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using Graph.Host.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Graph.Api.Tests.Http;

/// <summary>
/// With authentication configured, every operation against every kind of caller: anonymous, an unknown key, each
/// role's key, tokens with roles, and a token signed with another key.
/// </summary>
public sealed class AuthTests : IAsyncLifetime
{
    private const string Issuer = "https://issuer.example";
    private static readonly byte[] SigningKey = Encoding.UTF8.GetBytes("a signing key of at least thirty-two bytes, for tests");
    private static readonly Dictionary<string, string> Keys = new()
    {
        ["reader"] = ApiKeys.NewKey(),
        ["editor"] = ApiKeys.NewKey(),
        ["admin"] = ApiKeys.NewKey(),
    };

    private GraphServiceFactory _service = null!;

    public Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Orleans:Dashboard"] = "true",
            ["Auth:Jwt:Issuer"] = Issuer,
            ["Auth:Jwt:SigningKey"] = Convert.ToBase64String(SigningKey),
        };
        foreach (var (role, index) in Keys.Keys.Select((r, i) => (r, i)))
        {
            settings[$"Auth:ApiKeys:{index}:Name"] = $"{role} key";
            settings[$"Auth:ApiKeys:{index}:Hash"] = ApiKeys.HashOf(Keys[role]);
            settings[$"Auth:ApiKeys:{index}:Roles:0"] = role;
        }

        _service = GraphServiceFactory.With(settings, null);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    public static TheoryData<string, string, HttpStatusCode> Matrix()
    {
        var data = new TheoryData<string, string, HttpStatusCode>();
        var allowed = new Dictionary<string, string?>
        {
            ["query"] = "reader", ["mutation"] = "editor", ["import"] = "editor", ["export"] = "reader",
            ["health"] = null, ["version"] = null, ["graphiql page"] = null, ["explorer page"] = null, ["metrics"] = "admin", ["dashboard"] = "admin",
        };
        var callers = new Dictionary<string, string?>
        {
            ["anonymous"] = null, ["unknown key"] = null, ["foreign token"] = null,
            ["reader key"] = "reader", ["editor key"] = "editor", ["admin key"] = "admin",
            ["reader token"] = "reader", ["editor token"] = "editor",
        };
        string[] rank = ["reader", "editor", "admin"];
        foreach (var (operation, needs) in allowed)
        {
            foreach (var (caller, holds) in callers)
            {
                var status = needs is null ? HttpStatusCode.OK
                    : holds is null ? HttpStatusCode.Unauthorized
                    : Array.IndexOf(rank, holds) >= Array.IndexOf(rank, needs) ? HttpStatusCode.OK
                    : HttpStatusCode.Forbidden;
                data.Add(operation, caller, status);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_operation_is_open_to_the_roles_it_needs_and_to_no_one_else(string operation, string caller, HttpStatusCode expected)
    {
        using var client = _service.CreateClient();
        var orgId = "auth-" + caller.Replace(' ', '-');
        using var request = Request(operation, orgId);
        Authenticate(request, caller);

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(expected == response.StatusCode, $"{caller} → {operation}: expected {expected}, got {response.StatusCode}: {body}");
        if (expected == HttpStatusCode.Unauthorized)
        {
            Assert.Contains("X-Api-Key", body, StringComparison.Ordinal);
        }

        if (operation == "mutation" && expected != HttpStatusCode.OK)
        {
            using var check = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = $$"""{ actor(id: "{{orgId}}") { id } }""" }) };
            check.Headers.Add("X-Api-Key", Keys["reader"]);
            using var answer = await client.SendAsync(check);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, (await answer.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).Data().At("actor").ValueKind);
        }
    }

    private static HttpRequestMessage Request(string operation, string orgId) => operation switch
    {
        "query" => new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ statements(first: 1) { totalCount } }" }) },
        "mutation" => new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = $$"""mutation { createOrganisation(input: { id: "{{orgId}}", name: "Org {{orgId}}", kind: NGO }) { organisation { id } } }""" }),
        },
        "import" => new HttpRequestMessage(HttpMethod.Post, "/import?dryRun=true")
        {
            Content = new StringContent("""{"type":"organisation","id":"auth-import","name":"Auth Import","kind":"NGO"}""", Encoding.UTF8, "application/x-ndjson"),
        },
        "export" => new HttpRequestMessage(HttpMethod.Get, "/export?kinds=APPEAL"),
        "health" => new HttpRequestMessage(HttpMethod.Get, "/health/live"),
        "version" => new HttpRequestMessage(HttpMethod.Get, "/version"),
        "graphiql page" => new HttpRequestMessage(HttpMethod.Get, "/graphiql"),
        "explorer page" => new HttpRequestMessage(HttpMethod.Get, "/explore"),
        "metrics" => new HttpRequestMessage(HttpMethod.Get, "/metrics"),
        "dashboard" => new HttpRequestMessage(HttpMethod.Get, "/dashboard/"),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    private static void Authenticate(HttpRequestMessage request, string caller)
    {
        switch (caller.Split(' '))
        {
            case ["unknown", "key"]:
                request.Headers.Add("X-Api-Key", ApiKeys.NewKey());
                break;
            case [var role, "key"]:
                request.Headers.Add("X-Api-Key", Keys[role]);
                break;
            case ["foreign", "token"]:
                request.Headers.Authorization = new("Bearer", Token("editor", Encoding.UTF8.GetBytes("another signing key, also thirty-two bytes or more")));
                break;
            case [var role, "token"]:
                request.Headers.Authorization = new("Bearer", Token(role, SigningKey));
                break;
        }
    }

    private static string Token(string role, byte[] key) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Subject = new ClaimsIdentity([new Claim("sub", "analyst@example.org"), new Claim("roles", role)]),
        Expires = DateTime.UtcNow.AddMinutes(5),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
    });
}

/// <summary>The per-client rate limit, when a setting turns it on.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Past_its_burst_a_client_gets_429_with_Retry_After_and_health_stays_open()
    {
        await using var service = GraphServiceFactory.With(
            new Dictionary<string, string> { ["RateLimit:PermitsPerMinute"] = "6", ["RateLimit:Burst"] = "3" }, null);
        using var client = service.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.PostAsJsonAsync("/graphql", new { query = "{ __typename }" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
                Assert.Contains("Too many requests", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Off_by_default()
    {
        await using var service = GraphServiceFactory.With(null, null);
        using var client = service.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            using var response = await client.PostAsJsonAsync("/graphql", new { query = "{ __typename }" });
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }
}

/// <summary>Requests naming a host the service is not known by are refused (DNS rebinding).</summary>
[Collection(GraphServiceCollection.Name)]
public sealed class AllowedHostTests(GraphServiceFactory service)
{
    [Theory]
    [InlineData("localhost", HttpStatusCode.OK)]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("attacker.example", HttpStatusCode.BadRequest)]
    public async Task Only_the_loopback_names_and_the_bound_hosts_are_accepted_by_default(string host, HttpStatusCode expected)
    {
        using var client = service.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ __typename }" }) };
        request.Headers.Host = host;

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }
}
