using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Graph.Testing;

namespace Graph.Neo4j.Tests.Lint;

/// <summary>
/// Every Cypher statement the service sends goes through Neo4j's own parser and semantic analyser
/// (<c>tools/cypher-lint</c>, on Node.js), so a broken statement fails here rather than against a live Neo4j.
/// </summary>
public sealed class CypherLintTests
{
    private const string Install = "Node.js 20 or later on PATH and the Cypher linter: npm ci --prefix tools/cypher-lint";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    // Neo4j's analyser takes a good tenth of a second for each statement, more on a busy machine.
    private static readonly TimeSpan LintTimeout = TimeSpan.FromMinutes(5);

    [SkippableFact]
    public async Task Every_statement_the_service_sends_to_Neo4j_passes_the_linter()
    {
        var repo = Repository.Root;
        var linter = await RequireLinterAsync(repo);
        var host = Path.Combine(AppContext.BaseDirectory, "Graph.Host.dll");
        using var scratch = new ScratchDirectory();

        // The command only prints and exits; should it start the service instead, these keep it off shared ports and data.
        var listed = await RunAsync("dotnet", [host, "cypher", "--json"], scratch.Path, CommandTimeout, new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{Port()}",
            ["Orleans__SiloPort"] = Port(),
            ["Orleans__GatewayPort"] = Port(),
            ["EventStore__Path"] = scratch.File("events.db"),
            ["Graph__LoadSampleData"] = "false",
        });
        Assert.True(listed.ExitCode == 0,
            $"`dotnet {host} cypher --json` {listed.Describe()}\nstdout:\n{Head(listed.Stdout)}\nstderr:\n{Head(listed.Stderr)}");

        var statements = scratch.File("statements.json");
        await File.WriteAllTextAsync(statements, listed.Stdout);
        var lint = await RunAsync("node", [linter, statements], repo, LintTimeout);

        Assert.True(lint.ExitCode == 0, $"The Cypher linter {lint.Describe()}:\n{lint.Stdout}{lint.Stderr}");
    }

    [SkippableFact]
    public async Task The_linter_fails_a_syntax_error_and_a_relationship_MERGE_with_an_unbound_endpoint()
    {
        var repo = Repository.Root;
        var linter = await RequireLinterAsync(repo);
        using var scratch = new ScratchDirectory();
        var statements = scratch.File("statements.json");
        await File.WriteAllTextAsync(statements, """
            [
              {"name": "good", "cypher": "MATCH (a:Actor {id: $from}) MATCH (b:Actor {id: $to}) MERGE (a)-[:URGED]->(b)",
               "parameters": {"from": "a1", "to": "a2"}},
              {"name": "syntax-error", "cypher": "MATCH (s:Statement {id: $id}) RETRN s", "parameters": {"id": "s1"}},
              {"name": "unbound-merge", "cypher": "MATCH (b:Actor {id: $to}) MERGE (a:Actor {id: $from})-[:URGED]->(b)",
               "parameters": {"from": "a1", "to": "a2"}}
            ]
            """);

        var lint = await RunAsync("node", [linter, statements], repo, LintTimeout);

        var output = lint.Stdout + lint.Stderr;
        Assert.True(lint.ExitCode == 1, $"Expected exit code 1, but the linter {lint.Describe()}:\n{output}");
        Assert.Contains("syntax-error:1:31: error: Invalid input 'RETRN'", output, StringComparison.Ordinal);
        Assert.Contains("unbound-merge:1:33: error: relationship MERGE endpoint (a:Actor {id: $from}) is not bound", output, StringComparison.Ordinal);
        Assert.DoesNotContain("good:", output, StringComparison.Ordinal);
        Assert.Contains("3 statements, 2 failed", output, StringComparison.Ordinal);
    }

    private static async Task<string> RequireLinterAsync(string repo)
    {
        var linter = Path.Combine(repo, "tools", "cypher-lint", "lint.mjs");
        var installed = Directory.Exists(Path.Combine(repo, "tools", "cypher-lint", "node_modules", "@neo4j-cypher", "language-support"));
        Requirements.Require(installed && await NodeRunsAsync(repo), Install);
        return linter;
    }

    private static async Task<bool> NodeRunsAsync(string workingDirectory)
    {
        try
        {
            return (await RunAsync("node", ["--version"], workingDirectory, CommandTimeout)).ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }

    private static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
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

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new ProcessResult(null, timeout, await stdout, await stderr);
        }

        return new ProcessResult(process.ExitCode, timeout, await stdout, await stderr);
    }

    private static string Port() => FreePorts.Next().ToString(CultureInfo.InvariantCulture);

    private static string Head(string text) => text.Length <= 4000 ? text : text[..4000] + "\n...";

    /// <summary>What a finished (or killed) process left: a null exit code means it was killed at the time-out.</summary>
    private sealed record ProcessResult(int? ExitCode, TimeSpan Timeout, string Stdout, string Stderr)
    {
        public string Describe() => ExitCode is { } code
            ? $"exited with code {code}"
            : $"did not exit within {Timeout.TotalSeconds:0} s and was killed";
    }
}
