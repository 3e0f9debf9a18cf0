using System.Diagnostics;
using System.Globalization;
using Graph.Abstractions.Statements;
using Graph.Neo4j.Cypher;
using Graph.Projection.Reading;

namespace Graph.Benchmarks;

/// <summary>
/// Every statement the service reads Neo4j with, run under PROFILE on the synthetic graph with the parameters a
/// question about it would give: the database hits of each, and its time, the best of three runs.
/// </summary>
public static class Neo4jProfile
{
    public static async Task<string> RunAsync(int size, Neo4jServer neo4j)
    {
        var rows = new List<string>();
        foreach (var (name, statement, parameters) in Readers())
        {
            var hits = await neo4j.DbHitsAsync(statement, parameters);
            var best = double.MaxValue;
            for (var i = 0; i < 3; i++)
            {
                var clock = Stopwatch.StartNew();
                await neo4j.RunAsync(statement, parameters);
                best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
            }

            rows.Add(string.Create(CultureInfo.InvariantCulture, $"| {size:N0} | {name} | {hits:N0} | {best:0.0} ms |"));
            Console.WriteLine(rows[^1]);
        }

        return string.Join(Environment.NewLine, rows);
    }

    private static IEnumerable<(string Name, string Statement, IReadOnlyDictionary<string, object?> Parameters)> Readers()
    {
        (string, string, IReadOnlyDictionary<string, object?>) Fixed(CypherStatement statement, Dictionary<string, object?> parameters) =>
            (statement.Name, statement.Text, parameters);
        (string, string, IReadOnlyDictionary<string, object?>) Compiled(string name, CompiledQuery query) =>
            (name, query.Statement.Text, query.Parameters);

        var appealsAndDemands = new StatementFilter(Kinds: [StatementKind.Appeal, StatementKind.Demand]);
        var everyLink = new HashSet<PathLink>(Enum.GetValues<PathLink>());
        yield return Fixed(CypherStatements.ActorsById, new() { ["ids"] = new[] { "o1", "o100", "p100" } });
        var person100 = new ActorSearch("Person 100");
        yield return Fixed(CypherStatements.FindActors(ActorOrder.Relevance), new()
        {
            ["text"] = person100.NormalisedText, ["words"] = person100.Words.ToArray(), ["label"] = null, ["skip"] = 0L, ["limit"] = 20L,
        });
        yield return Fixed(CypherStatements.StatementsById, new() { ["ids"] = new[] { "s1", "s100", "s1000" } });
        yield return Fixed(CypherStatements.OrganisationParts, new() { ["id"] = "o0" });
        yield return Fixed(CypherStatements.OrganisationMembers, new() { ["id"] = "o0" });
        yield return Fixed(CypherStatements.Stances, new()
        {
            ["targetId"] = "o1", ["actorId"] = null, ["supportive"] = new[] { "SUPPORT", "PLEDGE" },
            ["critical"] = new[] { "CRITICISE", "ACCUSE", "DEMAND", "REJECT", "THREATEN", "PROTEST", "SUE" }, ["limit"] = 20L,
        });
        var pages = new (string Name, StatementFilter Filter)[]
        {
            ("headline: appeals citing exemplars", new StatementFilter(Kinds: [StatementKind.Appeal], HasExemplar: true)),
            ("every statement", StatementFilter.All),
            ("said in June 2020, with a word", new StatementFilter(SaidFrom: new DateOnly(2020, 6, 1), SaidTo: new DateOnly(2020, 6, 30), Text: "moratorium")),
            ("demands by one speaker", new StatementFilter(Kinds: [StatementKind.Demand], SpeakerId: "o100")),
            ("to the busiest addressee", new StatementFilter(AddresseeId: "o1")),
            ("an actor in any role, on a topic", new StatementFilter(ActorId: "o100", TopicIds: [Topics.IdOf("topic 5")])),
            ("criticism of one, or appeals", new StatementFilter(Or: [new StatementFilter(Kinds: [StatementKind.Criticise], AddresseeId: "o1"), new StatementFilter(Kinds: [StatementKind.Appeal])])),
        };
        foreach (var (name, filter) in pages)
        {
            yield return Compiled($"find-statements, {name}", CypherStatements.FindStatements(filter, StatementOrder.SaidOnDescending, 0, 50, StatementParts.Sources | StatementParts.Actors));
        }

        yield return Compiled("find-statements, every statement, recorded first", CypherStatements.FindStatements(StatementFilter.All, StatementOrder.RecordedAtAscending, 0, 50, StatementParts.None));
        foreach (var by in Enum.GetValues<CountDimension>())
        {
            yield return Compiled($"count-statements by {by}, appeals and demands", CypherStatements.CountStatements(appealsAndDemands, by, [], 10));
        }

        yield return Compiled("actor-network, criticism", CypherStatements.ActorNetwork(new StatementFilter(Kinds: [StatementKind.Criticise]), 50));
        yield return Compiled("find-shortest-paths, 3 hops", CypherStatements.FindPaths(new PathQuery("p0", "o1", 3, everyLink, true, 10)));
        yield return Compiled("neighbourhood, 1 hop, criticism in 2020", CypherStatements.Neighbourhood(new NeighbourhoodQuery("o100", 1, [StatementKind.Criticise], new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31), new HashSet<StatementRole> { StatementRole.Addressee })));
        yield return Compiled("neighbourhood, 2 hops, criticism in 2020", CypherStatements.Neighbourhood(new NeighbourhoodQuery("o100", 2, [StatementKind.Criticise], new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31), new HashSet<StatementRole> { StatementRole.Addressee })));
    }
}
