namespace Graph.Abstractions.Commands;

/// <summary>One thing wrong with a command's input: a machine-readable code, the offending field and why.</summary>
/// <param name="Code">One of <see cref="ProblemCodes"/>.</param>
/// <param name="Path">The field, as a dotted path into the command, e.g. <c>addressees[0].name</c>.</param>
/// <param name="Message">A sentence for a person, naming the problem.</param>
[GenerateSerializer, Immutable, Alias("graph.input-problem")]
public sealed record InputProblem(
    [property: Id(0)] string Code,
    [property: Id(1)] string Path,
    [property: Id(2)] string Message);
