using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using CsvHelper;
using CsvHelper.Configuration;

namespace Graph.Host.Import;

/// <summary>
/// Records from CSV, one file per record type: <c>organisations.csv</c>, <c>people.csv</c>, <c>statements.csv</c>
/// (read in that order), with headers; lists are separated by <c>;</c> and a list item's parts by <c>|</c>.
/// </summary>
/// <remarks>Each row becomes the JSON Lines record with the same fields, so both formats are checked alike.</remarks>
public sealed class CsvSource(IReadOnlyList<string> files) : IRecordSource
{
    private static readonly string[] Order = ["organisations.csv", "people.csv", "statements.csv"];
    private int _filesDone;
    private Stream? _current;

    /// <inheritdoc/>
    public double? Progress =>
        _current is { CanSeek: true, Length: > 0 } stream ? (_filesDone + ((double)stream.Position / stream.Length)) / files.Count : null;

    /// <summary>The record files in a folder, or the files given, in the order they must be read.</summary>
    /// <exception cref="ArgumentException">A file is not one of the three record types.</exception>
    public static CsvSource FromPaths(IEnumerable<string> paths)
    {
        var found = paths.SelectMany(p => Directory.Exists(p) ? Order.Select(f => Path.Combine(p, f)).Where(File.Exists) : [p]).ToList();
        var unknown = found.FirstOrDefault(f => !Order.Contains(Path.GetFileName(f), StringComparer.OrdinalIgnoreCase));
        return unknown is not null
            ? throw new ArgumentException($"'{unknown}' is not organisations.csv, people.csv or statements.csv.")
            : new CsvSource([.. found.OrderBy(f => Array.FindIndex(Order, o => o.Equals(Path.GetFileName(f), StringComparison.OrdinalIgnoreCase)))]);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<SourceRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _filesDone = 0;
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var type = name.ToLowerInvariant() switch
            {
                "organisations.csv" => "organisation",
                "people.csv" => "person",
                _ => "statement",
            };
            await using var stream = File.OpenRead(file);
            _current = stream;
            using var reader = new StreamReader(stream);
            using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, MissingFieldFound = null });
            if (!await csv.ReadAsync() || !csv.ReadHeader())
            {
                continue;
            }

            while (await csv.ReadAsync())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var row = csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h) is { Length: > 0 } value ? value : null, StringComparer.OrdinalIgnoreCase);
                var line = csv.Parser.RawRow;
                SourceRecord record;
                try
                {
                    record = JsonLinesSource.Read(name, line, ToJson(type, row).ToJsonString());
                }
                catch (FormatException invalid)
                {
                    record = new SourceRecord(name, line, null, invalid.Message);
                }

                yield return record;
            }

            _filesDone++;
        }
    }

    private static JsonObject ToJson(string type, Dictionary<string, string?> row)
    {
        var json = new JsonObject { ["type"] = type };
        foreach (var (column, value) in row)
        {
            if (value is null)
            {
                continue;
            }

            json[column] = (type, column) switch
            {
                (_, "aliases" or "topics") => new JsonArray([.. List(value).Select(v => (JsonNode)v)]),
                (_, "parent" or "speaker" or "onBehalfOf") => new JsonObject { ["id"] = value },
                (_, "addressees" or "exemplars" or "beneficiaries" or "subjects") => new JsonArray([.. List(value).Select(v => (JsonNode)new JsonObject { ["id"] = v })]),
                (_, "externalIds") => new JsonArray([.. List(value).Select(v => (JsonNode)ExternalId(v))]),
                (_, "affiliations") => new JsonArray([.. List(value).Select(v => (JsonNode)Affiliation(v))]),
                (_, "sources") => new JsonArray([.. List(value).Select(v => (JsonNode)Source(v))]),
                (_, "confidence") => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var confidence)
                    ? confidence
                    : throw new FormatException($"confidence '{value}' is not a number."),
                (_, "retracted") => null,
                (_, "retractionReason") => null,
                _ => value,
            };
        }

        if (row.GetValueOrDefault("retracted") is { } retracted && retracted.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            json["retraction"] = new JsonObject { ["reason"] = row.GetValueOrDefault("retractionReason") };
        }

        foreach (var empty in json.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            json.Remove(empty);
        }

        return json;
    }

    private static IEnumerable<string> List(string value) => value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string?[] Parts(string value, int count, string what)
    {
        var parts = value.Split('|', StringSplitOptions.TrimEntries);
        return parts.Length > count
            ? throw new FormatException($"{what} '{value}' has more than {count} parts separated by '|'.")
            : [.. parts.Concat(Enumerable.Repeat("", count - parts.Length)).Select(p => p.Length == 0 ? null : p)];
    }

    private static JsonObject ExternalId(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0
            ? throw new FormatException($"External id '{value}' is not scheme:value.")
            : new JsonObject { ["scheme"] = value[..colon], ["value"] = value[(colon + 1)..] };
    }

    private static JsonObject Affiliation(string value)
    {
        var p = Parts(value, 4, "Affiliation");
        return Compact(new JsonObject { ["organisation"] = new JsonObject { ["id"] = p[0] }, ["role"] = p[1], ["from"] = p[2], ["to"] = p[3] });
    }

    private static JsonObject Source(string value)
    {
        var p = Parts(value, 4, "Source");
        return Compact(new JsonObject { ["url"] = p[0], ["title"] = p[1], ["publisher"] = p[2], ["publishedOn"] = p[3] });
    }

    private static JsonObject Compact(JsonObject json)
    {
        foreach (var empty in json.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            json.Remove(empty);
        }

        return json;
    }
}
