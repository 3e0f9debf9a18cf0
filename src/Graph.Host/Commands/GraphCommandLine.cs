using System.CommandLine;
using Graph.Abstractions.Statements;
using Graph.EventStore;
using Graph.Host.Import;
using Graph.Projection.Reading;

namespace Graph.Host.Commands;

/// <summary>
/// The service's one command line: <c>serve</c> (the default), <c>import</c>, <c>export</c>, <c>rebuild-projection</c>,
/// <c>stats</c> and <c>cypher</c>. Anything a command does not know, such as <c>--urls</c> or
/// <c>--EventStore:Path=...</c>, is handed to the host as configuration.
/// </summary>
public static class GraphCommandLine
{
    private const string SettingsNote = "Settings as for the service: appsettings.json beside the binary, environment variables (EventStore__Path) or --EventStore:Path=... on the command line.";

    public static RootCommand Create()
    {
        var root = new RootCommand($"Who said what to whom, as a graph: organisations, people and the statements they make. {SettingsNote}")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction((result, _) => ServeCommand.RunAsync([.. result.UnmatchedTokens]));

        var serve = new Command("serve", "Run the service (the default): GraphQL at /graphql, GraphiQL at /graphiql, health at /health/ready.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        serve.SetAction((result, _) => ServeCommand.RunAsync([.. result.UnmatchedTokens]));
        root.Subcommands.Add(serve);

        root.Subcommands.Add(Import());
        root.Subcommands.Add(Export());

        var rebuild = new Command("rebuild-projection", "Replay the whole event log into an empty Neo4j database, with progress (Neo4j:Uri, Neo4j:User, Neo4j:Password or NEO4J_URI and friends).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        var force = new Option<bool>("--force") { Description = "Empty a Neo4j database that is not empty first." };
        rebuild.Options.Add(force);
        rebuild.SetAction((result, _) => RebuildProjectionCommand.RunAsync([.. result.UnmatchedTokens, .. result.GetValue(force) ? ["--force"] : Array.Empty<string>()], Console.Out, Console.Error));
        root.Subcommands.Add(rebuild);

        var stats = new Command("stats", "Show what the event log holds and the graph built from it; the service may be running.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        stats.SetAction((result, cancellationToken) => StatsCommand.RunAsync([.. result.UnmatchedTokens], Console.Out, Console.Error, cancellationToken));
        root.Subcommands.Add(stats);

        root.Subcommands.Add(CreateApiKey());

        var cypher = new Command("cypher", "Print every Cypher statement the service sends to Neo4j, with example parameters.");
        var json = new Option<bool>("--json") { Description = "Print [{\"name\", \"cypher\", \"parameters\"}], for linters." };
        cypher.Options.Add(json);
        cypher.SetAction(result => CypherCommand.Run(result.GetValue(json) ? ["--json"] : [], Console.Out));
        root.Subcommands.Add(cypher);
        return root;
    }

    /// <summary>
    /// The failure a user can act on from its message alone (the event log is in use, is not one, or has an event that
    /// cannot be read), however deep the host wrapped it; null for anything else, which keeps its stack trace.
    /// </summary>
    public static Exception? UserFacing(Exception failure) => failure switch
    {
        EventStoreInUseException or EventLogUnreadableException or Security.SecuritySetupException => failure,
        AggregateException { InnerExceptions.Count: 1 } aggregate => UserFacing(aggregate.InnerExceptions[0]),
        { InnerException: { } inner } => UserFacing(inner),
        _ => null,
    };

    private static Command CreateApiKey()
    {
        var name = new Option<string>("--name") { Description = "Who or what the key is for; it appears in logs.", Required = true };
        var roles = new Option<string[]>("--roles")
        {
            Description = "reader (queries, export), editor (also mutations and import), admin (also operations).",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [Api.Http.GraphRoles.Reader],
        };
        roles.AcceptOnlyFromAmong([.. Api.Http.GraphRoles.All]);
        var command = new Command("create-api-key", "Create an API key: prints the key once, and the settings that grant it its roles (only the key's hash is kept).");
        command.Options.Add(name);
        command.Options.Add(roles);
        command.SetAction(result =>
        {
            var key = Security.ApiKeys.NewKey();
            var hash = Security.ApiKeys.HashOf(key);
            var (who, granted) = (result.GetValue(name)!, result.GetValue(roles)!.Distinct().ToArray());
            var json = System.Text.Json.JsonSerializer.Serialize(new { Name = who, Hash = hash, Roles = granted });
            Console.Out.WriteLine($"""
                API key for '{who}' (shown this once; give it to its holder and keep it secret):

                  {key}

                Grant it by adding this entry to Auth:ApiKeys in appsettings.json:

                  {json}

                or with environment variables (N is the entry's place in the list, from 0):

                  Auth__ApiKeys__N__Name={who}
                  Auth__ApiKeys__N__Hash={hash}
                {string.Join(Environment.NewLine, granted.Select((r, i) => $"  Auth__ApiKeys__N__Roles__{i}={r}"))}

                Clients send it as the X-Api-Key header.
                """);
            return 0;
        });
        return command;
    }

    private static Command Import()
    {
        var files = new Argument<string[]>("files") { Description = "JSON Lines files (.jsonl), or CSV files or a folder of them (organisations.csv, people.csv, statements.csv).", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string?>("--format") { Description = "jsonl or csv; by default, csv for .csv files and folders, jsonl otherwise." };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every record and report the bad ones; write nothing." };
        var allOrNothing = new Option<bool>("--all-or-nothing") { Description = "Write nothing when any record is bad (by default good records are written and bad ones reported)." };
        var concurrency = new Option<int>("--concurrency") { Description = "How many records are sent to the grains at once.", DefaultValueFactory = _ => new ImportOptions().Concurrency };
        var url = new Option<Uri?>("--url") { Description = "Send JSON Lines to a running service (e.g. http://localhost:5080) instead of writing the event log here, which needs the service stopped." };
        var command = new Command("import", "Record organisations, people and statements from files, idempotently: importing a file twice changes nothing. A report names every bad record by line, with the reason; the exit code is 1 when any record was bad. The format is in docs/import-format.md.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.Arguments.Add(files);
        command.Options.Add(format);
        command.Options.Add(dryRun);
        command.Options.Add(allOrNothing);
        command.Options.Add(concurrency);
        command.Options.Add(url);
        command.SetAction((result, cancellationToken) =>
        {
            // Settings such as --EventStore:Path=... land among the files; they go to the host.
            var paths = result.GetValue(files)!;
            return ImportCommand.RunAsync(
                [.. paths.Where(p => !p.StartsWith("--", StringComparison.Ordinal))],
                result.GetValue(format),
                new ImportOptions(result.GetValue(dryRun), result.GetValue(allOrNothing), Math.Max(1, result.GetValue(concurrency))),
                result.GetValue(url),
                [.. paths.Where(p => p.StartsWith("--", StringComparison.Ordinal)), .. result.UnmatchedTokens],
                Console.Out,
                Console.Error,
                cancellationToken);
        });
        return command;
    }

    private static Command Export()
    {
        var output = new Option<string?>("--out", "-o") { Description = "The file to write; standard output by default." };
        var kinds = new Option<StatementKind[]>("--kinds") { Description = "Only statements of these kinds, e.g. --kinds Appeal Demand.", AllowMultipleArgumentsPerToken = true };
        var actor = new Option<string?>("--actor") { Description = "Only statements with this actor (by id) in any role." };
        var from = new Option<string?>("--said-from") { Description = "Only statements said on or after this date (yyyy, yyyy-MM or yyyy-MM-dd)." };
        var to = new Option<string?>("--said-to") { Description = "Only statements said on or before this date." };
        var command = new Command("export", "Write the whole store, or the statements a filter picks with every actor they involve, as JSON Lines that import as they are. Reads the event log, so the service may be running.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.Options.Add(output);
        command.Options.Add(kinds);
        command.Options.Add(actor);
        command.Options.Add(from);
        command.Options.Add(to);
        command.SetAction(async (result, cancellationToken) =>
        {
            PartialDate? saidFrom = null, saidTo = null;
            foreach (var (option, set) in new (Option<string?>, Action<PartialDate>)[] { (from, d => saidFrom = d), (to, d => saidTo = d) })
            {
                if (result.GetValue(option) is { } text)
                {
                    if (!PartialDate.TryParse(text, out var date, out var problem))
                    {
                        Console.Error.WriteLine($"{option.Name}: {problem}");
                        return 2;
                    }

                    set(date);
                }
            }

            var chosen = result.GetValue(kinds) is { Length: > 0 } k ? k : null;
            var filter = chosen is null && result.GetValue(actor) is null && saidFrom is null && saidTo is null
                ? null
                : new StatementFilter(Kinds: chosen, ActorId: result.GetValue(actor), SaidFrom: saidFrom?.Start, SaidTo: saidTo?.End, IncludeRetracted: true);
            return await ExportCommand.RunAsync(filter, result.GetValue(output), [.. result.UnmatchedTokens], Console.Out, Console.Error, cancellationToken);
        });
        return command;
    }
}
