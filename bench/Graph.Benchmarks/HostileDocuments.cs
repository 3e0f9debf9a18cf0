using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Graph.Benchmarks;

/// <summary>
/// The documents sent to exhaust the server when it was probed as an attacker, each sent once to a fresh service on
/// the sample data: how long the refusal took, which code it carried, how much the process's peak memory grew, and how
/// long a simple query took right after, beside the same simple query before any of them.
/// </summary>
public static class HostileDocuments
{
    private static string FanOut(int levels)
    {
        var document = new StringBuilder("query { ...F").Append(levels).Append(" }\nfragment F0 on Query { __typename }\n");
        for (var i = 1; i <= levels; i++)
        {
            document.Append("fragment F").Append(i).Append(" on Query { ").Append(string.Concat(Enumerable.Repeat($"...F{i - 1} ", 4))).Append("}\n");
        }

        return document.ToString();
    }

    private static readonly (string Name, Func<string> Document)[] Documents =
    [
        ("fragments spread 4 times, 13 deep (4^13 fields)", () => FanOut(13)),
        ("90,000 __typename fields (990 KB)", () => "{ " + string.Concat(Enumerable.Repeat("__typename ", 90_000)) + "}"),
        ("16,000 __typename fields", () => "{ " + string.Concat(Enumerable.Repeat("__typename ", 16_000)) + "}"),
        ("10,000 @skip directives", () => "{ " + string.Concat(Enumerable.Repeat("__typename @skip(if: false) ", 10_000)) + "}"),
        ("5,000 nested lists in a filter", () => "{ statements(filter: { kinds: " + new string('[', 5_000) + new string(']', 5_000) + " }) { totalCount } }"),
        ("1,000 nested objects in a filter", () => "{ statements(filter: " + string.Concat(Enumerable.Repeat("{ and: ", 1_000)) + "{}" + new string('}', 1_000) + ") { totalCount } }"),
        ("1,000 flat or filters", () => "{ statements(filter: { or: [" + string.Join(", ", Enumerable.Repeat("{ kinds: [APPEAL] }", 1_000)) + "] }) { totalCount } }"),
        ("1,999 fields, just under the limit", () => "{ " + string.Concat(Enumerable.Repeat("__typename ", 1_999)) + "}"),
    ];

    public static async Task<string> RunAsync(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var (service, _) = await ServiceUnderTest.StartAsync(folder, ["--Graph:LoadSampleData=true"]);
        await using var _ = service;
        using var client = new HttpClient { BaseAddress = service.Address, Timeout = TimeSpan.FromMinutes(5) };
        var warm = new List<double>();
        for (var i = 0; i < 300; i++)
        {
            warm.Add((await SimpleAsync(client)).TotalMilliseconds);
        }

        var baseline = TimeSpan.FromMilliseconds(warm.Skip(200).Order().ElementAt(50));
        var table = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Simple query before any of them (median of 100): {baseline.TotalMilliseconds:0.0} ms; peak working set {service.PeakWorkingSet / 1048576.0:0} MiB.")
            .AppendLine()
            .AppendLine("| Document | Bytes | Answer | Code | Time to answer | Peak memory growth | Simple query right after |")
            .AppendLine("|---|---:|---|---|---:|---:|---:|");
        foreach (var (name, make) in Documents)
        {
            var document = make();
            var peak = service.PeakWorkingSet;
            var clock = Stopwatch.StartNew();
            using var response = await client.PostAsJsonAsync("/graphql", new { query = document });
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            var took = clock.Elapsed;
            var after = await SimpleAsync(client);
            var code = body.TryGetProperty("errors", out var errors) && errors[0].TryGetProperty("extensions", out var extensions)
                ? extensions.GetProperty("code").GetString()
                : "(answered)";
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {Encoding.UTF8.GetByteCount(document):N0} | {(int)response.StatusCode} | {code} | {took.TotalMilliseconds:0.0} ms | {(service.PeakWorkingSet - peak) / 1048576.0:0} MiB | {after.TotalMilliseconds:0.0} ms |");
            Console.Error.WriteLine($"  {name}: {took.TotalMilliseconds:0.0} ms, {code}");
        }

        return table.ToString();
    }

    private static async Task<TimeSpan> SimpleAsync(HttpClient client)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsJsonAsync("/graphql", new { query = "{ statements(first: 1) { totalCount } }" });
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsStringAsync();
        return clock.Elapsed;
    }
}
