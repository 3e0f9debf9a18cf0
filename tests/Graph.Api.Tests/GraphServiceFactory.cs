using System.Net.Http.Json;
using System.Text.Json;
using Graph.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests;

/// <summary>
/// The whole service in-process, through the real HTTP pipeline, event store, silo and projection, on its own data
/// file and free Orleans ports; loaded with the sample data on start.
/// </summary>
public sealed class GraphServiceFactory : WebApplicationFactory<Program>
{
    private readonly ScratchDirectory _data = new();
    private IReadOnlyDictionary<string, string>? _settings;
    private Action<IServiceCollection>? _services;

    /// <summary>A service with more settings, or with services replaced, for a test of its own.</summary>
    public static GraphServiceFactory With(IReadOnlyDictionary<string, string>? settings, Action<IServiceCollection>? services) =>
        new() { _settings = settings, _services = services };

    public string EventStorePath => _data.File("events.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("EventStore:Path", EventStorePath);
        builder.UseSetting("Orleans:SiloPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Graph:LoadSampleData", "true");
        foreach (var (key, value) in _settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    /// <summary>Posts a GraphQL request and returns the response document.</summary>
    public async Task<JsonElement> PostAsync(string query, object? variables = null)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables });
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _data.Dispose();
        }
    }
}
