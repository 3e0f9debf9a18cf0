using Graph.Abstractions.Statements;

namespace Graph.Projection.Reading;

/// <summary>Which statement kinds count as supportive, and which as critical, of the actor they address or concern.</summary>
public static class Stances
{
    public static IReadOnlySet<StatementKind> Supportive { get; } = new HashSet<StatementKind> { StatementKind.Support, StatementKind.Pledge };

    public static IReadOnlySet<StatementKind> Critical { get; } = new HashSet<StatementKind>
    {
        StatementKind.Criticise, StatementKind.Accuse, StatementKind.Demand, StatementKind.Reject,
        StatementKind.Threaten, StatementKind.Protest, StatementKind.Sue,
    };
}
