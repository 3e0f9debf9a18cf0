namespace Graph.Abstractions.Commands;

/// <summary>A command was refused for its input; nothing was written.</summary>
[GenerateSerializer, Alias("graph.invalid-input")]
public sealed class InvalidInputException : Exception
{
    public InvalidInputException(IReadOnlyList<InputProblem> problems)
        : base(Describe(problems)) => Problems = [.. problems];

    public InvalidInputException(string code, string path, string message)
        : this([new InputProblem(code, path, message)])
    {
    }

    public InvalidInputException()
        : this([])
    {
    }

    public InvalidInputException(string message)
        : base(message) => Problems = [];

    public InvalidInputException(string message, Exception innerException)
        : base(message, innerException) => Problems = [];

    /// <summary>Everything found wrong, not only the first problem.</summary>
    [Id(0)]
    public InputProblem[] Problems { get; private set; }

    private static string Describe(IReadOnlyList<InputProblem> problems) =>
        problems.Count == 0 ? "The input is invalid." : string.Join(" ", problems.Select(p => p.Message));
}
