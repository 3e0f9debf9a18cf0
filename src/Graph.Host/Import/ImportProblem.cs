namespace Graph.Host.Import;

/// <summary>A bad record: where it is, what is wrong (a code, the field) and why.</summary>
public sealed record ImportProblem(string Source, int Line, string Code, string? Field, string Message)
{
    public override string ToString() => $"{Source}:{Line}: {Code}{(Field is null ? "" : $" ({Field})")}: {Message}";
}
