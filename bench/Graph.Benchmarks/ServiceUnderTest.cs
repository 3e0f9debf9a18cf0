using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Graph.Benchmarks;

/// <summary>The service, this very build of it, run as its own process on a data folder of its own.</summary>
public sealed partial class ServiceUnderTest : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _log = [];

    private ServiceUnderTest(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    /// <summary>How long the projection took to catch up with the log at start, as the service logged it.</summary>
    public TimeSpan? ReplayTime
    {
        get
        {
            lock (_log)
            {
                var match = _log.Select(l => CaughtUp().Match(l)).LastOrDefault(m => m.Success);
                return match is null ? null : TimeSpan.FromMilliseconds(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>The most memory the process has held (its peak resident set), in bytes.</summary>
    public long PeakWorkingSet
    {
        get
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
    }

    public static async Task<(ServiceUnderTest Service, TimeSpan StartTime)> StartAsync(string folder, IEnumerable<string>? settings = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "Graph.Host.dll"), "--urls", $"http://127.0.0.1:{port}",
            $"--Orleans:SiloPort={FreePort()}", $"--Orleans:GatewayPort={FreePort()}", "--Graph:LoadSampleData=false", .. settings ?? []])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_gcServer"] = "1";
        var clock = Stopwatch.StartNew();
        var service = new ServiceUnderTest(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        using var client = new HttpClient { BaseAddress = service.Address, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (service._process.HasExited)
            {
                throw new InvalidOperationException("The service exited:\n" + string.Join('\n', service._log.TakeLast(20)));
            }

            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return (service, clock.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Stops the process without ending it (<c>SIGSTOP</c>): it answers nothing and closes no connection, as a machine
    /// that dropped off the network. Disposing kills it.
    /// </summary>
    public Task FreezeAsync() => SignalAsync("-STOP");

    /// <summary>Asks the process to stop (<c>SIGTERM</c>), as an operator or a container runtime does, and waits until it has.</summary>
    public async Task TerminateAsync()
    {
        await SignalAsync("-TERM");
        await _process.WaitForExitAsync();
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        await kill.WaitForExitAsync();
    }

    /// <summary>Kills the process outright, as <c>kill -9</c> does.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Remember(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.Add(line);
            }
        }
    }

    [GeneratedRegex(@"The graph is current at log position \d+ \((\d+) ms to catch up at start\)")]
    private static partial Regex CaughtUp();
}
