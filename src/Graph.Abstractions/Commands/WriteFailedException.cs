namespace Graph.Abstractions.Commands;

/// <summary>
/// The event log could not be written (a read-only or full disk, a failing file): nothing of the write was recorded.
/// The input was fine; the same write may succeed once the log can be written again.
/// </summary>
[GenerateSerializer, Alias("graph.write-failed")]
public sealed class WriteFailedException : Exception
{
    public const string Code = "WRITE_FAILED";

    public WriteFailedException()
        : this("The event log could not be written, so nothing was recorded; the failure is logged. Try again once the log can be written.")
    {
    }

    public WriteFailedException(string message)
        : base(message)
    {
    }

    public WriteFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
