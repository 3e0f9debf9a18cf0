using System.CommandLine;
using Graph.Host.Commands;

try
{
    var (command, settings) = GraphCommandLine.SplitSettings(args);
    var parsed = GraphCommandLine.Create(settings).Parse(command);
    if (GraphCommandLine.Problems(parsed) is { } problems)
    {
        Console.Error.WriteLine(problems);
        return 2;
    }

    // Ctrl+C and SIGTERM are left to the host, which stops the service gracefully (the projection gives its lease up,
    // queued appends commit) within HostOptions' shutdown timeout; System.CommandLine would end the process after 2 s.
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
}
catch (Exception failure) when (GraphCommandLine.UserFacing(failure) is { } reason)
{
    // A log that is in use, is not a log, or cannot be read: the user can act on the message; a stack trace adds nothing.
    Console.Error.WriteLine(reason.Message);
    return 1;
}
catch (Exception failure)
{
    Console.Error.WriteLine($"Unexpected failure: {failure}");
    return 1;
}

/// <summary>The service's entry point; public so end-to-end tests can host it.</summary>
public partial class Program;
