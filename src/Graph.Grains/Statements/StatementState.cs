using Graph.Abstractions.Statements;

namespace Graph.Grains.Statements;

/// <summary>A statement: the fold of its events.</summary>
public sealed class StatementState
{
    public StatementRecorded? Recorded { get; set; }

    public StatementRetracted? Retraction { get; set; }

    public void Apply(StatementEvent @event)
    {
        switch (@event)
        {
            case StatementRecorded e:
                Recorded = e;
                break;
            case StatementRetracted e:
                Retraction = e;
                break;
            default:
                throw new InvalidOperationException($"Unknown statement event {@event.GetType().Name}.");
        }
    }
}
