using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Graph.Abstractions.Actors;
using Graph.Abstractions.Commands;
using Graph.Abstractions.Directory;
using Graph.Abstractions.Records;
using Graph.EventStore;

namespace Graph.Host.Import;

/// <summary>
/// Imports records through the grains, so every record is checked exactly as a mutation is; streaming, with bounded
/// concurrency, and idempotent: records keep their ids (a statement without one gets an id derived from its content,
/// an actor without one the id of the actor already holding its name), so importing a file twice changes nothing.
/// </summary>
/// <remarks>
/// A record waits for the records earlier in the input that it refers to. With <see cref="ImportOptions.DryRun"/> or
/// <see cref="ImportOptions.AllOrNothing"/> the input is first checked whole, records referring to actors and statements
/// defined earlier in the same input counted as good.
/// </remarks>
public sealed partial class GraphImporter(IGrainFactory grains)
{
    public async Task<ImportReport> ImportAsync(IRecordSource source, ImportOptions options, IImportProgress progress, CancellationToken cancellationToken)
    {
        if (!options.DryRun && !options.AllOrNothing)
        {
            return await RunAsync(source, options, dryRun: false, "Importing", progress, cancellationToken);
        }

        var check = await RunAsync(source, options, dryRun: true, "Checking", progress, cancellationToken);
        if (options.DryRun)
        {
            return check;
        }

        return check.BadRecords > 0
            ? check with { DryRun = false, Refused = true }
            : await RunAsync(source, options, dryRun: false, "Importing", progress, cancellationToken);
    }

    private async Task<ImportReport> RunAsync(IRecordSource source, ImportOptions options, bool dryRun, string phase, IImportProgress progress, CancellationToken cancellationToken)
    {
        var run = new Run(grains, dryRun, options.Remembered);
        using var slots = new SemaphoreSlim(options.Concurrency);
        var inFlight = new List<Task>();
        var records = 0;
        await using var reading = source.ReadAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (await NextAsync(reading, inFlight))
        {
            var read = reading.Current;
            records++;
            if (records % 1_000 == 0)
            {
                progress.Report(phase, records, source.Progress);
                inFlight.RemoveAll(t => t.IsCompleted);
            }

            if (read.Record is null)
            {
                run.Bad(new ImportProblem(read.Source, read.Line, "INVALID_RECORD", null, read.Error!));
                continue;
            }

            var record = await run.WithIdAsync(read.Record);
            await slots.WaitAsync(cancellationToken);
            inFlight.Add(run.SendAsync(read, record, slots));
        }

        await Task.WhenAll(inFlight);
        progress.Report(phase, records, 1);
        return run.Report(records);
    }

    /// <summary>The next record; when the input turns out unreadable, the records before it settle first.</summary>
    private static async Task<bool> NextAsync(IAsyncEnumerator<SourceRecord> reading, List<Task> inFlight)
    {
        try
        {
            return await reading.MoveNextAsync();
        }
        catch (LineTooLongException)
        {
            await Task.WhenAll(inFlight);
            throw;
        }
    }

    /// <summary>One pass over the input: what it has defined so far, and how each record fared.</summary>
    private sealed partial class Run(IGrainFactory grains, bool dryRun, int remembered)
    {
        private readonly ConcurrentDictionary<string, Task<bool>> _defined = new(StringComparer.Ordinal);
        // Each record's content is kept as a 128-bit hash: enough to tell a repeated record from a clash of ids, and
        // small enough that a large input does not fill memory.
        private readonly ConcurrentDictionary<string, Seen> _ids = new(StringComparer.Ordinal);
        private readonly Queue<(string Key, Seen Seen, List<string> Keys)> _recent = new();
        private readonly ConcurrentQueue<ImportProblem> _problems = new();
        private int _written;
        private int _unchanged;
        private int _bad;
        private long _position;

        public void Bad(ImportProblem problem)
        {
            Interlocked.Increment(ref _bad);
            Keep(problem);
        }

        public ImportReport Report(int records) => new(
            records,
            _written,
            _unchanged,
            [.. _problems.OrderBy(p => p.Source, StringComparer.Ordinal).ThenBy(p => p.Line)],
            dryRun,
            Refused: false)
        { BadRecords = _bad, Position = Interlocked.Read(ref _position) };

        /// <summary>Sends one record, read in input order, to its grain once the records it refers to have settled.</summary>
        public Task SendAsync(SourceRecord read, GraphRecord record, SemaphoreSlim slots)
        {
            Forget();
            var outcome = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var content = System.IO.Hashing.XxHash128.HashToUInt128(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes<object>(record, EventSerializer.Options));
            var key = $"{Category(record)}:{record.Id}";
            var seen = new Seen(read.Line, content, outcome.Task);
            var first = _ids.GetOrAdd(key, seen);
            if (first != seen)
            {
                var firstOutcome = first.Outcome;
                if (first.Content != content)
                {
                    slots.Release();
                    Bad(new ImportProblem(read.Source, read.Line, "DUPLICATE_ID", "id", $"Line {first.Line} has another record with the id '{record.Id}'."));
                    return Task.CompletedTask;
                }

                // The same record twice: it fares as the first one did, and writes nothing more.
                return Task.Run(async () =>
                {
                    try
                    {
                        if (await firstOutcome)
                        {
                            Interlocked.Increment(ref _unchanged);
                        }
                        else
                        {
                            Bad(new ImportProblem(read.Source, read.Line, "DUPLICATE_ID", "id", $"Line {first.Line} has the same record, which is bad."));
                        }
                    }
                    finally
                    {
                        slots.Release();
                    }
                });
            }

            // Later records wait on this one by every key they may name it by; a name another record of the input
            // already holds cannot be this record's too.
            var keys = DefinedKeys(record).ToList();
            var claimedElsewhere = keys.Where(k => k.StartsWith("name:", StringComparison.Ordinal) && _defined.ContainsKey(k)).ToList();
            foreach (var k in keys)
            {
                _defined.TryAdd(k, outcome.Task);
            }

            if (!dryRun)
            {
                _recent.Enqueue((key, seen, keys));
            }

            return Task.Run(async () =>
            {
                try
                {
                    foreach (var dependency in References(record).Select(r => _defined.GetValueOrDefault(r)).OfType<Task<bool>>().Where(t => t != outcome.Task))
                    {
                        await dependency;
                    }

                    if (claimedElsewhere.Count > 0)
                    {
                        outcome.TrySetResult(false);
                        Bad(new ImportProblem(read.Source, read.Line, ProblemCodes.NameTaken, "name", $"The name '{claimedElsewhere[0][5..]}' is claimed by an earlier record of this input."));
                        return;
                    }

                    var receipt = await record.SendAsync(grains, dryRun);
                    Interlocked.Increment(ref receipt.Changed ? ref _written : ref _unchanged);
                    for (var seen = Interlocked.Read(ref _position); receipt.Position > seen; seen = Interlocked.Read(ref _position))
                    {
                        Interlocked.CompareExchange(ref _position, receipt.Position, seen);
                    }

                    outcome.TrySetResult(true);
                }
                catch (InvalidInputException invalid)
                {
                    var problems = invalid.Problems.Where(p => !DefinedEarlier(record, p)).ToList();
                    if (problems.Count == 0)
                    {
                        Interlocked.Increment(ref _unchanged);
                        outcome.TrySetResult(true);
                        return;
                    }

                    outcome.TrySetResult(false);
                    Interlocked.Increment(ref _bad);
                    foreach (var problem in problems)
                    {
                        Keep(new ImportProblem(read.Source, read.Line, problem.Code, problem.Path.Length == 0 ? null : problem.Path, problem.Message));
                    }
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    outcome.TrySetResult(false);
                    Bad(new ImportProblem(read.Source, read.Line, "WRITE_FAILED", null, $"The record could not be written: {failure.Message}"));
                }
                finally
                {
                    outcome.TrySetResult(false);
                    slots.Release();
                }
            });
        }

        /// <summary>
        /// In a plain import, lets go of the oldest settled records past <see cref="ImportOptions.Remembered"/>: a later
        /// record naming one of them, or repeating its id, is answered by the grains, which have it on record. A dry run
        /// queues nothing to forget: it writes nothing, so it must remember every record.
        /// </summary>
        private void Forget()
        {
            while (_recent.Count >= remembered && _recent.Peek().Seen.Outcome.IsCompleted)
            {
                var (key, seen, keys) = _recent.Dequeue();
                _ids.TryRemove(KeyValuePair.Create(key, seen));
                foreach (var k in keys)
                {
                    _defined.TryRemove(KeyValuePair.Create(k, seen.Outcome));
                }
            }
        }

        private void Keep(ImportProblem problem)
        {
            if (_problems.Count < ImportReport.MaxProblemsKept)
            {
                _problems.Enqueue(problem);
            }
        }

        /// <summary>In a dry run nothing earlier is written, so a reference to a good earlier record of the input counts as met.</summary>
        private bool DefinedEarlier(GraphRecord record, InputProblem problem) =>
            dryRun
            && problem.Code is ProblemCodes.UnknownActor or ProblemCodes.UnknownStatement
            && ReferenceAt(record, problem.Path) is { } key
            && _defined.TryGetValue(key, out var earlier)
            && earlier.IsCompletedSuccessfully && earlier.Result;

        /// <summary>
        /// Gives a statement without an id one derived from its content, and an actor without one the id of the actor
        /// holding its name, or one derived from the name.
        /// </summary>
        public async ValueTask<GraphRecord> WithIdAsync(GraphRecord record) => record switch
        {
            OrganisationRecord { Command.Id: null } o => o with { Command = o.Command with { Id = await ActorIdAsync("o", o.Command.Name) } },
            PersonRecord { Command.Id: null } p => p with { Command = p.Command with { Id = await ActorIdAsync("p", p.Command.Name) } },
            StatementRecord { Command.Id: null } s => s with { Command = s.Command with { Id = StatementContentIds.For(s.Command) } },
            _ => record,
        };

        private async Task<string> ActorIdAsync(string prefix, string? name)
        {
            var normalised = ActorNames.Normalise(name ?? "");
            var owner = normalised.Length == 0 ? null : await grains.GetGrain<IDirectoryEntryGrain>(DirectoryKeys.ForName(normalised)).GetOwnerAsync();
            return owner?.Id ?? $"{prefix}-{Hash(normalised)}";
        }

        private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)).AsSpan(0, 12));

        private static string Category(GraphRecord record) => record is StatementRecord ? "statement" : "actor";

        private static IEnumerable<string> DefinedKeys(GraphRecord record) => record switch
        {
            OrganisationRecord o => ActorKeys(o.Command.Id, o.Command.Name, o.Command.Aliases),
            PersonRecord p => ActorKeys(p.Command.Id, p.Command.Name, p.Command.Aliases),
            StatementRecord s => [$"statement:{s.Command.Id}"],
            _ => [],
        };

        private static IEnumerable<string> ActorKeys(string? id, string? name, string[]? aliases) =>
            new[] { name }.Concat(aliases ?? []).OfType<string>().Where(n => n.Trim().Length > 0)
                .Select(n => "name:" + ActorNames.Normalise(n)).Prepend($"id:{id}").Distinct();

        private static IEnumerable<string> References(GraphRecord record) => record switch
        {
            OrganisationRecord o => Keys(o.Command.Parent),
            PersonRecord p => (p.Command.Affiliations ?? []).SelectMany(a => Keys(a.Organisation)),
            StatementRecord s => new[] { s.Command.Speaker, s.Command.OnBehalfOf }
                .Concat(s.Command.Addressees ?? []).Concat(s.Command.Exemplars ?? []).Concat(s.Command.Beneficiaries ?? []).Concat(s.Command.Subjects ?? [])
                .SelectMany(Keys)
                .Concat(s.Command.RespondsTo is { } answered ? [$"statement:{answered}"] : []),
            _ => [],
        };

        private static IEnumerable<string> Keys(ActorReference? reference) => reference switch
        {
            { Id: { } id } => [$"id:{id}"],
            { Name: { } name } => ["name:" + ActorNames.Normalise(name)],
            _ => [],
        };

        /// <summary>The key of what a problem's field refers to, e.g. <c>addressees[1].name</c> of a statement.</summary>
        private static string? ReferenceAt(GraphRecord record, string path)
        {
            if (path == "respondsTo" && record is StatementRecord { Command.RespondsTo: { } answered })
            {
                return $"statement:{answered}";
            }

            var match = ReferencePath().Match(path);
            if (!match.Success)
            {
                return null;
            }

            var index = match.Groups["index"].Success ? int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            var reference = (record, match.Groups["role"].Value) switch
            {
                (StatementRecord s, "speaker") => s.Command.Speaker,
                (StatementRecord s, "onBehalfOf") => s.Command.OnBehalfOf,
                (StatementRecord s, "addressees") => s.Command.Addressees?.ElementAtOrDefault(index),
                (StatementRecord s, "exemplars") => s.Command.Exemplars?.ElementAtOrDefault(index),
                (StatementRecord s, "beneficiaries") => s.Command.Beneficiaries?.ElementAtOrDefault(index),
                (StatementRecord s, "subjects") => s.Command.Subjects?.ElementAtOrDefault(index),
                (OrganisationRecord o, "parent") => o.Command.Parent,
                (PersonRecord p, "affiliations") => p.Command.Affiliations?.ElementAtOrDefault(index)?.Organisation,
                _ => null,
            };
            return Keys(reference).FirstOrDefault();
        }

        [GeneratedRegex(@"^(?<role>[a-zA-Z]+)(\[(?<index>\d+)\])?(\.organisation)?\.(id|name)$", RegexOptions.CultureInvariant)]
        private static partial Regex ReferencePath();

        /// <summary>The first record of the input with an id: its line, a hash of its content, and how it fared.</summary>
        private sealed record Seen(int Line, UInt128 Content, Task<bool> Outcome);
    }
}
