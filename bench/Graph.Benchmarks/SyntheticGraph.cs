using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Graph.Benchmarks;

/// <summary>
/// A seeded synthetic graph as import records: about ten thousand actors, statements spread over them by a power law,
/// every kind and role, and texts of realistic length. The same seed and size always give the same lines.
/// </summary>
public sealed class SyntheticGraph(int statements, int seed = 20200610, int organisations = 7_000, int people = 3_000)
{
    private static readonly string[] Kinds =
        ["STATE", "DECLINE_COMMENT", "DENY", "SUPPORT", "APPEAL", "DEMAND", "PLEDGE", "ANNOUNCE", "CRITICISE", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SUE", "REPORT"];

    // Roughly how often each kind turns up in news coverage of a controversy.
    private static readonly int[] KindWeights = [20, 2, 3, 8, 12, 8, 5, 8, 14, 4, 5, 2, 4, 2, 3];

    private static readonly string[] OrganisationKinds = ["COMPANY", "NGO", "GOVERNMENT_BODY", "LEGISLATURE", "MEDIA", "RESEARCH_BODY", "OTHER"];

    private static readonly string[] Words =
    [
        "facial", "recognition", "police", "surveillance", "moratorium", "privacy", "civil", "liberties", "regulation", "contract",
        "audit", "bias", "accuracy", "community", "rights", "technology", "government", "oversight", "transparency", "data",
        "camera", "algorithm", "public", "safety", "ban", "congress", "legislation", "accountability", "vendor", "citizens",
    ];

    public int Statements => statements;

    public int Actors => organisations + people;

    /// <summary>A person who speaks for an organisation, and someone that organisation addressed: three hops apart.</summary>
    public (string From, string To) ThreeHopPair { get; private set; }

    /// <summary>Writes every record, organisations first (parents before parts), then people, then statements.</summary>
    public void Write(TextWriter output)
    {
        var random = new Random(seed);
        var zipf = new Zipf(Actors, 1.1, random);
        var json = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        for (var i = 0; i < organisations; i++)
        {
            var record = new JsonObject
            {
                ["type"] = "organisation",
                ["id"] = $"o{i}",
                ["name"] = $"{Title(random, 2)} {Suffix(i)} {i}",
                ["kind"] = OrganisationKinds[random.Next(OrganisationKinds.Length)],
            };
            if (i % 10 == 9)
            {
                record["parent"] = new JsonObject { ["id"] = $"o{random.Next(i / 10 * 10)}" };
            }

            if (random.Next(4) == 0)
            {
                record["aliases"] = new JsonArray($"{Acronym(record["name"]!.GetValue<string>())}{i}");
            }

            output.WriteLine(record.ToJsonString(json));
        }

        var employers = new int[people];
        for (var i = 0; i < people; i++)
        {
            employers[i] = random.Next(organisations);
            var affiliations = new JsonArray(new JsonObject { ["organisation"] = new JsonObject { ["id"] = $"o{employers[i]}" }, ["role"] = "Spokesperson", ["from"] = (2010 + random.Next(10)).ToString(CultureInfo.InvariantCulture) });
            output.WriteLine(new JsonObject { ["type"] = "person", ["id"] = $"p{i}", ["name"] = $"{Title(random, 2)} Person {i}", ["affiliations"] = affiliations }.ToJsonString(json));
        }

        string Actor(int index) => index < organisations ? $"o{index}" : $"p{index - organisations}";
        JsonArray References(int count, string except) =>
            [.. Enumerable.Range(0, count).Select(_ => Actor(zipf.Next())).Where(a => a != except).Distinct().Select(a => (JsonNode)new JsonObject { ["id"] = a })];

        for (var i = 0; i < statements; i++)
        {
            var kind = Pick(random, Kinds, KindWeights);
            var speakerIndex = zipf.Next();
            var speaker = Actor(speakerIndex);
            var addressees = References(random.Next(4), speaker);
            var record = new JsonObject
            {
                ["type"] = "statement",
                ["id"] = $"s{i}",
                ["kind"] = kind,
                ["speaker"] = new JsonObject { ["id"] = speaker },
                ["addressees"] = addressees,
            };
            if (speakerIndex >= organisations && random.Next(2) == 0)
            {
                record["onBehalfOf"] = new JsonObject { ["id"] = $"o{employers[speakerIndex - organisations]}" };
            }

            if (kind == "APPEAL")
            {
                record["exemplars"] = References(random.Next(3), speaker);
            }

            if (random.Next(10) == 0)
            {
                record["beneficiaries"] = References(1 + random.Next(2), speaker);
            }

            record["subjects"] = References(random.Next(3), speaker);
            record["topics"] = new JsonArray([.. Enumerable.Range(0, 1 + random.Next(3)).Select(_ => $"topic {random.Next(200)}").Distinct().Select(t => (JsonNode)t)]);
            if (i > 0 && random.Next(20) == 0)
            {
                record["respondsTo"] = $"s{random.Next(i)}";
            }

            if (random.Next(10) < 6)
            {
                record["quote"] = Sentence(random, 15 + random.Next(60));
            }

            if (record["quote"] is null || random.Next(10) < 8)
            {
                record["summary"] = Sentence(random, 8 + random.Next(25));
            }

            record["saidOn"] = Date(random);
            record["sources"] = new JsonArray([.. Enumerable.Range(0, 1 + random.Next(2)).Select(s => (JsonNode)new JsonObject
            {
                ["url"] = $"https://news.example.org/{2015 + random.Next(10)}/{random.Next(100_000)}",
                ["publisher"] = $"{Title(random, 1)} News",
            })]);
            if (random.Next(10) < 7)
            {
                record["confidence"] = Math.Round(0.5 + (random.NextDouble() / 2), 2);
            }

            // Keep every kind and role present however small the graph.
            if (i < Kinds.Length)
            {
                record["kind"] = Kinds[i];
            }

            if (i == 0)
            {
                var person = 0;
                record["speaker"] = new JsonObject { ["id"] = $"o{employers[person]}" };
                record["addressees"] = new JsonArray(new JsonObject { ["id"] = "o1" });
                ThreeHopPair = ($"p{person}", "o1");
            }

            output.WriteLine(record.ToJsonString(json));
        }
    }

    private static string Pick(Random random, string[] values, int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < values.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return values[i];
            }
        }

        return values[^1];
    }

    private static string Date(Random random)
    {
        var day = new DateOnly(2015, 1, 1).AddDays(random.Next(3650));
        return random.Next(10) switch
        {
            0 => day.ToString("yyyy", CultureInfo.InvariantCulture),
            1 or 2 => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    private static string Title(Random random, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static string Suffix(int i) => (i % 4) switch { 0 => "Inc", 1 => "Foundation", 2 => "Agency", _ => "Institute" };

    private static string Acronym(string name) => string.Concat(name.Split(' ').Where(w => w.Length > 0 && char.IsLetter(w[0])).Select(w => w[0]));

    private static string Sentence(Random random, int words)
    {
        var text = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            text.Append(i == 0 ? char.ToUpperInvariant(Words[random.Next(Words.Length)][0]) + Words[random.Next(Words.Length)][1..] : Words[random.Next(Words.Length)]);
            text.Append(i == words - 1 ? "." : " ");
        }

        return text.ToString();
    }

    /// <summary>Draws 0..n-1 with probability falling as a power of the rank: a few actors speak a lot, most little.</summary>
    private sealed class Zipf
    {
        private readonly double[] _cumulative;
        private readonly Random _random;

        public Zipf(int n, double exponent, Random random)
        {
            _random = random;
            _cumulative = new double[n];
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                sum += 1 / Math.Pow(i + 1, exponent);
                _cumulative[i] = sum;
            }

            for (var i = 0; i < n; i++)
            {
                _cumulative[i] /= sum;
            }
        }

        public int Next()
        {
            var index = Array.BinarySearch(_cumulative, _random.NextDouble());
            return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
        }
    }
}
