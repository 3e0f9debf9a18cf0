using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Graph.Abstractions.Records;
using Graph.EventStore;

namespace Graph.Host.Import;

/// <summary>
/// Records from JSON Lines: one JSON object per line, as <c>docs/import-format.md</c> describes. No line longer than
/// <paramref name="maxLineBytes"/> is held: reading one ends the source with <see cref="LineTooLongException"/>.
/// </summary>
public sealed class JsonLinesSource(string name, Func<Stream> open, int maxLineBytes = 1 << 20) : IRecordSource
{
    private Stream? _current;

    /// <inheritdoc/>
    public double? Progress => _current is { CanSeek: true, Length: > 0 } stream ? (double)stream.Position / stream.Length : null;

    public static JsonLinesSource FromFile(string path, int maxLineBytes = 1 << 20) =>
        new(Path.GetFileName(path), () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), maxLineBytes);

    /// <inheritdoc/>
    public async IAsyncEnumerable<SourceRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = open();
        _current = stream;
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 1 << 16, leaveOpen: true));
        try
        {
            var line = 0;
            var records = new List<SourceRecord>();
            while (true)
            {
                var read = await reader.ReadAsync(cancellationToken);
                var buffer = read.Buffer;
                var tooLong = false;
                while (!tooLong && buffer.PositionOf((byte)'\n') is { } end)
                {
                    tooLong = buffer.Slice(0, end).Length > maxLineBytes;
                    if (!tooLong)
                    {
                        records.Add(ReadLine(++line, buffer.Slice(0, end)));
                        buffer = buffer.Slice(buffer.GetPosition(1, end));
                    }
                }

                tooLong |= buffer.Length > maxLineBytes;
                if (!tooLong && read.IsCompleted && buffer.Length > 0)
                {
                    records.Add(ReadLine(++line, buffer));
                    buffer = buffer.Slice(buffer.End);
                }

                reader.AdvanceTo(buffer.Start, buffer.End);

                // The records before a line too long are read; nothing from that line on is.
                foreach (var record in records.Where(r => r.Record is not null || r.Error is not null))
                {
                    yield return record;
                }

                records.Clear();
                if (tooLong)
                {
                    throw new LineTooLongException(name, line + 1, maxLineBytes);
                }

                if (read.IsCompleted)
                {
                    break;
                }
            }
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    /// <summary>One line as a record; a blank line is neither record nor problem, and is skipped.</summary>
    private SourceRecord ReadLine(int line, ReadOnlySequence<byte> bytes)
    {
        var text = Encoding.UTF8.GetString(bytes).TrimEnd('\r');
        if (line == 1)
        {
            text = text.TrimStart('\uFEFF');
        }

        return string.IsNullOrWhiteSpace(text) ? new SourceRecord(name, line, null, null) : Read(name, line, text);
    }

    /// <summary>Reads one record, or says why the line is not one.</summary>
    public static SourceRecord Read(string source, int line, string json)
    {
        try
        {
            return new SourceRecord(source, line, GraphRecord.Parse(json, EventSerializer.Options), null);
        }
        catch (JsonException invalid)
        {
            return new SourceRecord(source, line, null, Describe(invalid, json));
        }
    }

    private static string Describe(JsonException invalid, string json)
    {
        if (invalid.Path == "$.kind" && KindOf(json) is { } kind)
        {
            var (what, names) = json.Contains("\"statement\"", StringComparison.Ordinal)
                ? ("statement kind", Enum.GetValues<Abstractions.Statements.StatementKind>().Select(k => Projection.Model.GraphEnums.Name(k)))
                : ("organisation kind", Enum.GetValues<Abstractions.Organisations.OrganisationKind>().Select(k => Projection.Model.GraphEnums.Name(k)));
            return $"'{kind}' is not a {what}; use one of {string.Join(", ", names)}.";
        }

        if (invalid.Path is null or "$" && invalid.BytePositionInLine is { } column)
        {
            var detail = invalid.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd('.', ' ');
            return $"The line is not valid JSON (at character {column + 1}): {detail}.";
        }

        // System.Text.Json words its errors for developers; keep the reason and say where in the record.
        var reason = invalid.InnerException?.Message ?? invalid.Message;
        var cut = reason.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut > 0)
        {
            reason = reason[..cut];
        }

        return invalid.Path is { Length: > 1 } path ? $"{reason.TrimEnd('.')} (at {path.TrimStart('$', '.')})." : reason;
    }

    private static string? KindOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty("kind", out var kind) ? kind.ToString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
