using System.Globalization;
using Graph.Abstractions.Events;
using Graph.Abstractions.Organisations;
using Graph.Abstractions.People;
using Graph.Abstractions.Statements;

namespace Graph.Neo4j.Tests.Conformance;

/// <summary>
/// A seeded, generated graph: the events that make it, and an independent record of what it holds, to work out the
/// expected answers from.
/// </summary>
internal sealed class GeneratedGraph
{
    private static readonly string[] Words = ["moratorium", "surveillance", "privacy", "police", "ban", "regulation", "bias", "contract", "audit", "lawsuit", "camera", "union"];
    private static readonly string[] TopicNames = ["facial recognition", "drones", "data retention", "encryption", "predictive policing", "biometrics"];
    private static readonly DateTimeOffset RecordedAt = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public List<GraphEvent> Events { get; } = [];

    public List<Fact> Statements { get; } = [];

    public Dictionary<string, string> CurrentNames { get; } = new(StringComparer.Ordinal);

    /// <summary>The statements corrected after they were recorded; their facts are as corrected.</summary>
    public HashSet<string> Corrected { get; } = new(StringComparer.Ordinal);

    public static GeneratedGraph Create(int seed, int organisations = 30, int people = 20, int statements = 400)
    {
        var random = new Random(seed);
        var corrections = new Random(seed + 1);
        var graph = new GeneratedGraph();
        var actors = new List<string>();
        for (var i = 0; i < organisations; i++)
        {
            var id = $"gen-org-{i}";
            graph.Events.Add(new OrganisationRegistered(id, $"Generated Organisation {i}", (OrganisationKind)(i % 7), [$"GO{i}"], i > 3 && i % 5 == 0 ? $"gen-org-{i - 1}" : null, []));
            graph.CurrentNames[id] = $"Generated Organisation {i}";
            actors.Add(id);
        }

        for (var i = 0; i < people; i++)
        {
            var id = $"gen-person-{i}";
            var affiliation = new Affiliation($"gen-org-{random.Next(organisations)}", random.Next(2) == 0 ? "Director" : null, random.Next(2) == 0 ? PartialDate.OfYear(2010 + random.Next(10)) : null, null);
            graph.Events.Add(new PersonRegistered(id, $"Generated Person {i}", [], [affiliation]));
            graph.CurrentNames[id] = $"Generated Person {i}";
            actors.Add(id);
        }

        for (var i = 0; i < statements; i++)
        {
            var kind = (StatementKind)random.Next(Enum.GetValues<StatementKind>().Length);
            var speaker = actors[random.Next(actors.Count)];
            string[] Pick(int max) => [.. Enumerable.Range(0, random.Next(max + 1)).Select(_ => actors[random.Next(actors.Count)]).Where(a => a != speaker).Distinct()];
            var addressees = Pick(3);
            var exemplars = kind == StatementKind.Appeal ? Pick(2) : [];
            var topics = Enumerable.Range(0, random.Next(3)).Select(_ => TopicNames[random.Next(TopicNames.Length)]).Distinct().ToArray();
            var saidOn = random.Next(10) switch
            {
                0 => (PartialDate?)null,
                1 => PartialDate.OfYear(2015 + random.Next(10)),
                2 or 3 => PartialDate.OfMonth(2015 + random.Next(10), 1 + random.Next(12)),
                _ => PartialDate.OfDay(new DateOnly(2015 + random.Next(10), 1 + random.Next(12), 1 + random.Next(28))),
            };
            var quote = random.Next(3) == 0 ? null : string.Join(' ', Enumerable.Range(0, 6).Select(_ => Words[random.Next(Words.Length)]));
            var summary = quote is null || random.Next(2) == 0 ? $"Summary {i} about {Words[random.Next(Words.Length)]}" : null;
            var id = $"gen-statement-{i.ToString("D4", CultureInfo.InvariantCulture)}";
            var subjects = Pick(1);
            var recorded = new StatementRecorded(
                id, kind, StatementKinds.DefaultCameoCode(kind), speaker, null, addressees, exemplars, [], subjects, topics, null, quote, summary, saidOn,
                [new StatementSource($"https://example.org/{i % 50}", null, "Generated Times", null)], null, RecordedAt);
            graph.Events.Add(recorded);

            // One in eight is corrected: a new kind and new addressees, the rest kept. Drawn from a generator of its
            // own, so the statements themselves are the same with or without corrections.
            if (corrections.Next(8) == 0)
            {
                kind = (StatementKind)corrections.Next(Enum.GetValues<StatementKind>().Length);
                addressees = [.. actors.Where(a => a != speaker).OrderBy(_ => corrections.Next()).Take(corrections.Next(3))];
                exemplars = kind == StatementKind.Appeal ? exemplars : [];
                var corrected = recorded with
                {
                    Kind = kind, CameoCode = StatementKinds.DefaultCameoCode(kind), AddresseeIds = addressees, ExemplarIds = exemplars,
                };
                graph.Events.Add(new StatementCorrected(id, recorded, corrected, "Generated correction", "generator", RecordedAt));
                graph.Corrected.Add(id);
            }

            var retracted = random.Next(20) == 0;
            if (retracted)
            {
                graph.Events.Add(new StatementRetracted(id, "Generated retraction", RecordedAt, kind, speaker, addressees));
            }

            graph.Statements.Add(new Fact(id, kind, speaker, addressees, exemplars, subjects, [.. topics.Select(Topics.IdOf)], saidOn, quote, summary, retracted));
        }

        foreach (var renamed in new[] { 1, 2, 3 })
        {
            var id = $"gen-org-{renamed}";
            graph.Events.Add(new OrganisationRenamed(id, $"Renamed Organisation {renamed}", graph.CurrentNames[id]));
            graph.CurrentNames[id] = $"Renamed Organisation {renamed}";
        }

        return graph;
    }

    /// <summary>What the generator knows of a statement.</summary>
    public sealed record Fact(
        string Id,
        StatementKind Kind,
        string SpeakerId,
        string[] AddresseeIds,
        string[] ExemplarIds,
        string[] SubjectIds,
        string[] TopicIds,
        PartialDate? SaidOn,
        string? Quote,
        string? Summary,
        bool Retracted);
}
