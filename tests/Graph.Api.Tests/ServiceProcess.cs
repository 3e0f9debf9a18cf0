using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Graph.Testing;

namespace Graph.Api.Tests;

/// <summary>The built service running as a process of its own, as a user starts it: <c>dotnet Graph.Host.dll</c>.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _client;

    private ServiceProcess(Process process, Uri baseAddress)
    {
        _process = process;
        _client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Where the service listens, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress => _client.BaseAddress!;

    /// <summary>Starts the service with its data under <paramref name="workingDirectory"/> and waits until it is ready.</summary>
    public static Task<ServiceProcess> StartAsync(string workingDirectory, params string[] settings) =>
        StartAsync(workingDirectory, TimeSpan.FromSeconds(90), settings);

    /// <summary>Starts the service and waits until it is ready, for at most <paramref name="readyWithin"/>.</summary>
    public static async Task<ServiceProcess> StartAsync(string workingDirectory, TimeSpan readyWithin, params string[] settings)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "Graph.Host.dll");
        var url = $"http://127.0.0.1:{FreePorts.Next()}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[host, "--urls", url,
            $"--Orleans:SiloPort={FreePorts.Next().ToString(CultureInfo.InvariantCulture)}",
            $"--Orleans:GatewayPort={FreePorts.Next().ToString(CultureInfo.InvariantCulture)}", .. settings])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceProcess(process, new Uri(url));
        try
        {
            await service.WaitUntilReadyAsync(readyWithin);
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }

        return service;
    }

    /// <summary>Posts a GraphQL request, with a mutation's consistency token when one is given.</summary>
    public async Task<JsonElement> PostAsync(string query, object? variables = null, string? consistencyToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (consistencyToken is not null)
        {
            request.Headers.Add("Consistency-Token", consistencyToken);
        }

        using var response = await _client.SendAsync(request);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Asks the service to stop, as <c>kill -TERM</c> (or a container runtime) does.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        await kill.WaitForExitAsync();
    }

    /// <summary>Waits for the process to end; its exit code, or null if it still runs after <paramref name="within"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Kills the process outright, as <c>kill -9</c> does: no shutdown, no flushing.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with code {_process.ExitCode} before it was ready.");
            }

            try
            {
                using var response = await _client.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The service was not ready within {within.TotalSeconds:0} s.");
    }
}
