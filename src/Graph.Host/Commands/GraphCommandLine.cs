using System.CommandLine;
using Graph.Abstractions.Statements;
using Graph.EventStore;
using Graph.Host.Export;
using Graph.Host.Import;
using Graph.Projection.Reading;

namespace Graph.Host.Commands;

/// <summary>
/// The service's one command line: <c>serve</c> (the default), <c>import</c>, <c>export</c>, <c>rebuild-projection</c>,
/// <c>stats</c>, <c>create-api-key</c> and <c>cypher</c>. Settings (<c>--Section:Key=value</c>, <c>--urls</c>,
/// <c>--environment</c>) may stand anywhere and go to the host as configuration; any other option a command does not
/// know is an error, with a suggestion, before anything runs.
/// </summary>
public static class GraphCommandLine
{
    private const string SettingsNote = "Settings as for the service: appsettings.json beside the binary, environment variables (EventStore__Path) or --EventStore:Path=... anywhere on the command line.";

    private const string MainSettings = """
        Main settings (--Section:Key=value, or environment variables Section__Key):
          --urls                       where to listen (default http://localhost:5080)
          --EventStore:Path            the SQLite event log (default data/events.db)
          --Graph:Store                Embedded (default) or Neo4j
          --Neo4j:Uri, --Neo4j:User, --Neo4j:Password   the Neo4j server, with Graph:Store=Neo4j
          --Auth:ApiKeys:0:Hash, ...:Roles:0             an API key (create-api-key prints them)
          --Auth:Jwt:Issuer, --Auth:Jwt:SigningKey, --Auth:Jwt:Authority   JWT bearer tokens
          --GraphQL:ExecutionTimeout, --GraphQL:MaxComplexity, ...       the query limits
          --Import:MaxBodyBytes, --Import:MaxLineBytes   import limits
        The README's Configuration section lists them all.
        """;

    /// <summary>The host's own settings, which have no section (a test host passes some of them too).</summary>
    private static readonly HashSet<string> HostSettings = new(StringComparer.OrdinalIgnoreCase)
    {
        "urls", "environment", "contentRoot", "applicationName", "webroot", "http_ports", "https_ports",
    };

    /// <summary>The command line without its settings, and the settings, each as the host reads them.</summary>
    /// <remarks>
    /// A setting is <c>--Section:Key</c> or one of the host's own (<c>--urls</c>), with its value after <c>=</c> or in
    /// the next token, or any <c>--name=value</c> whose name is no option of any command (a test host passes
    /// <c>--Graph=</c>).
    /// </remarks>
    public static (string[] Command, string[] Settings) SplitSettings(IReadOnlyList<string> args)
    {
        var root = Create([]);
        var options = root.Subcommands.Prepend(root).SelectMany(c => c.Options).SelectMany(o => o.Aliases.Prepend(o.Name)).ToHashSet(StringComparer.Ordinal);
        var command = new List<string>();
        var settings = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            var name = token.Split('=', 2)[0];
            var isSetting = name.StartsWith("--", StringComparison.Ordinal) && !options.Contains(name)
                && (name.Contains(':', StringComparison.Ordinal) || HostSettings.Contains(name[2..]) || token.Contains('=', StringComparison.Ordinal));
            if (!isSetting)
            {
                command.Add(token);
                continue;
            }

            settings.Add(token);
            if (!token.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                settings.Add(args[++i]);
            }
        }

        return ([.. command], [.. settings]);
    }

    /// <summary>
    /// Says what is wrong with a command line that does not parse, suggesting the option meant when one was misspelt;
    /// null when it parses.
    /// </summary>
    public static string? Problems(ParseResult parsed)
    {
        // An unknown option where a command takes file names would be read as a file: it is an unknown option too.
        var strays = parsed.CommandResult.Tokens
            .Where(t => t.Type == System.CommandLine.Parsing.TokenType.Argument && t.Value.Length > 1 && t.Value.StartsWith('-'))
            .Select(t => t.Value)
            .ToList();
        if (parsed.Errors.Count == 0 && strays.Count == 0)
        {
            return null;
        }

        var command = parsed.CommandResult.Command;
        var known = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith('-')).ToList();
        string Unknown(string token)
        {
            var suggestion = token.StartsWith('-')
                ? known.OrderBy(k => Distance(k, token)).FirstOrDefault(k => Distance(k, token) <= Math.Max(2, token.Length / 3))
                : null;
            return token.StartsWith('-')
                ? $"'{token}' is not an option of {command.Name}{(suggestion is null ? "." : $"; did you mean {suggestion}?")}"
                : $"'{token}' is not an argument of {command.Name}.";
        }

        var lines = strays.Select(Unknown).ToList();
        foreach (var error in parsed.Errors)
        {
            var unknown = parsed.UnmatchedTokens.FirstOrDefault(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal));
            lines.Add(unknown is null ? error.Message : Unknown(unknown));
        }

        lines.Add($"Nothing was done. See '{(command is RootCommand ? "" : command.Name + " ")}--help'; settings are written --Section:Key=value.");
        return string.Join(Environment.NewLine, lines.Distinct());
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1));
                previous = above;
            }
        }

        return row[b.Length];
    }

    /// <summary>The command line; each command hands <paramref name="settings"/> to the host.</summary>
    public static RootCommand Create(IReadOnlyList<string> settings)
    {
        var root = new RootCommand($"Who said what to whom, as a graph: organisations, people and the statements they make. {SettingsNote}");
        root.SetAction((_, _) => ServeCommand.RunAsync([.. settings]));

        var serve = new Command("serve", $"Run the service (the default): GraphQL at /graphql, GraphiQL at /graphiql, health at /health/ready.{Environment.NewLine}{MainSettings}");
        var role = new Option<string>("--role")
        {
            Description = "all (the default, or Graph:Role): everything in one process; silo: the grains alone (HTTP serves health); api: GraphQL, import, export and the explorer, as an Orleans client of the silos.",
        };
        role.AcceptOnlyFromAmong("all", "silo", "api");
        serve.Options.Add(role);
        serve.SetAction((result, _) => ServeCommand.RunAsync(result.GetValue(role) is { } given ? [.. settings, $"--Graph:Role={given}"] : [.. settings]));
        root.Subcommands.Add(serve);

        root.Subcommands.Add(Import(settings));
        root.Subcommands.Add(Export(settings));

        var rebuild = new Command("rebuild-projection", "Replay the whole event log into an empty Neo4j database, with progress (Neo4j:Uri, Neo4j:User, Neo4j:Password or NEO4J_URI and friends).");
        var force = new Option<bool>("--force") { Description = "Empty a Neo4j database that is not empty first." };
        rebuild.Options.Add(force);
        rebuild.SetAction((result, _) => RebuildProjectionCommand.RunAsync([.. settings, .. result.GetValue(force) ? ["--force"] : Array.Empty<string>()], Console.Out, Console.Error));
        root.Subcommands.Add(rebuild);

        var stats = new Command("stats", "Show what the event log holds and the graph built from it; the service may be running.");
        stats.SetAction((_, cancellationToken) => StatsCommand.RunAsync([.. settings], Console.Out, Console.Error, cancellationToken));
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
        EventStoreInUseException or EventLogUnreadableException or Security.SecuritySetupException or Hosting.SettingsException => failure,
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

    private static Command Import(IReadOnlyList<string> settings)
    {
        var files = new Argument<string[]>("files") { Description = "JSON Lines files (.jsonl), or CSV files or a folder of them (organisations.csv, people.csv, statements.csv).", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string?>("--format") { Description = "jsonl or csv; by default, csv for .csv files and folders, jsonl otherwise." };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every record and report the bad ones; write nothing." };
        var allOrNothing = new Option<bool>("--all-or-nothing") { Description = "Write nothing when any record is bad (by default good records are written and bad ones reported)." };
        var concurrency = new Option<int>("--concurrency") { Description = "How many records are sent to the grains at once.", DefaultValueFactory = _ => new ImportOptions().Concurrency };
        var url = new Option<string?>("--url") { Description = "Send JSON Lines to a running service (e.g. http://localhost:5080) instead of writing the event log here, which needs the service stopped." };
        url.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && !(Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                result.AddError($"--url must be the service's address, such as http://localhost:5080, not '{text}'.");
            }
        });
        var apiKey = new Option<string?>("--api-key") { Description = "The API key to send with --url (or set GRAPH_API_KEY)." };
        var command = new Command("import", "Record organisations, people and statements from files, idempotently: importing a file twice changes nothing. A report names every bad record by line, with the reason; the exit code is 1 when any record was bad. The format is in docs/import-format.md.");
        command.Arguments.Add(files);
        command.Options.Add(format);
        command.Options.Add(dryRun);
        command.Options.Add(allOrNothing);
        command.Options.Add(concurrency);
        command.Options.Add(url);
        command.Options.Add(apiKey);
        command.SetAction((result, cancellationToken) => ImportCommand.RunAsync(
            result.GetValue(files)!,
            result.GetValue(format),
            new ImportOptions(result.GetValue(dryRun), result.GetValue(allOrNothing), Math.Max(1, result.GetValue(concurrency))),
            result.GetValue(url) is { } address ? new Uri(address) : null,
            result.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("GRAPH_API_KEY"),
            settings,
            Console.Out,
            Console.Error,
            cancellationToken));
        return command;
    }

    private static Command Export(IReadOnlyList<string> settings)
    {
        var output = new Option<string?>("--out", "-o") { Description = "The file to write; standard output by default." };
        var format = new Option<string>("--format")
        {
            Description = GraphFormats.Described + ".",
            DefaultValueFactory = _ => "jsonl",
        };
        format.AcceptOnlyFromAmong(["jsonl", .. GraphFormats.All.Keys]);
        var shape = new Option<ExportShape>("--shape")
        {
            Description = "For a graph format: Statements (statements, sources and topics as nodes, roles as edges; the default) or Actors (one weighted edge per kind between two actors).",
            DefaultValueFactory = _ => ExportShape.Statements,
        };
        var kinds = new Option<StatementKind[]>("--kinds") { Description = "Only statements of these kinds, e.g. --kinds Appeal Demand.", AllowMultipleArgumentsPerToken = true };
        var actor = new Option<string?>("--actor") { Description = "Only statements with this actor in any role: its id, name or an alias." };
        var from = new Option<string?>("--said-from") { Description = "Only statements said on or after this date (yyyy, yyyy-MM or yyyy-MM-dd)." };
        var to = new Option<string?>("--said-to") { Description = "Only statements said on or before this date." };
        var command = new Command("export", "Write the whole store, or the statements a filter picks with every actor they involve, as JSON Lines that import as they are. Reads the event log, so the service may be running.");
        command.Options.Add(output);
        command.Options.Add(format);
        command.Options.Add(shape);
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
            if (result.GetValue(format) == "jsonl" && result.GetValue(shape) != ExportShape.Statements)
            {
                Console.Error.WriteLine("--shape applies to graph formats (--format graphml or gexf); JSON Lines has one shape.");
                return 2;
            }

            return await ExportCommand.RunAsync(filter, result.GetValue(format)!, result.GetValue(shape), result.GetValue(output), settings, Console.Out, Console.Error, cancellationToken);
        });
        return command;
    }
}
