using Graph.Host.Commands;

return args switch
{
    ["cypher", .. var rest] => CypherCommand.Run(rest, Console.Out),
    ["rebuild-projection", .. var rest] => await RebuildProjectionCommand.RunAsync(rest, Console.Out, Console.Error),
    ["help" or "--help" or "-h" or "-?", ..] => HelpCommand.Run(Console.Out),
    ["serve", .. var rest] => await ServeCommand.RunAsync(rest),
    _ => await ServeCommand.RunAsync(args),
};

/// <summary>The service's entry point; public so end-to-end tests can host it.</summary>
public partial class Program;
