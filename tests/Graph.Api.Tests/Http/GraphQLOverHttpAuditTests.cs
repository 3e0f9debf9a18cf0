using System.ComponentModel;
using System.Diagnostics;
using Graph.Testing;

namespace Graph.Api.Tests.Http;

/// <summary>
/// The GraphQL-over-HTTP specification's own audit suite (npm <c>graphql-http</c>, pinned in
/// <c>tools/graphql-http-audit</c>) against the built service, started as a user starts it.
/// </summary>
public sealed class GraphQLOverHttpAuditTests
{
    private const string Install = "Node.js 20 or later on PATH and the audit suite: npm ci --prefix tools/graphql-http-audit";
    private const int Audits = 61;
    private static readonly TimeSpan AuditTimeout = TimeSpan.FromMinutes(3);

    [SkippableFact]
    public async Task The_service_passes_every_audit_of_the_GraphQL_over_HTTP_spec_MUST_SHOULD_and_MAY()
    {
        var tool = Path.Combine(Repository.Root, "tools", "graphql-http-audit");
        Requirements.Require(Directory.Exists(Path.Combine(tool, "node_modules", "graphql-http")) && await NodeRunsAsync(tool), Install);
        using var data = new ScratchDirectory();
        await using var service = await ServiceProcess.StartAsync(data.Path);

        var (exitCode, output) = await RunNodeAsync(tool, ["audit.mjs", new Uri(service.BaseAddress, "/graphql").ToString()], AuditTimeout);

        Assert.True(exitCode == 0, $"The audit exited with {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing (killed)"}:\n{output}");
        Assert.Contains($": {Audits} audits, {Audits} passed, 0 not passed", output, StringComparison.Ordinal);
    }

    private static async Task<bool> NodeRunsAsync(string workingDirectory)
    {
        try
        {
            return (await RunNodeAsync(workingDirectory, ["--version"], TimeSpan.FromSeconds(30))).ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Runs node to the end, or kills it at the time-out (exit code null); stdout and stderr together.</summary>
    private static async Task<(int? ExitCode, string Output)> RunNodeAsync(string workingDirectory, string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        int? exitCode;
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            exitCode = process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            exitCode = null;
        }

        return (exitCode, await stdout + await stderr);
    }
}
