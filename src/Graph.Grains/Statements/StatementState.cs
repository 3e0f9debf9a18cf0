using Graph.Abstractions.Statements;

namespace Graph.Grains.Statements;

/// <summary>A statement: the fold of its events.</summary>
public sealed class StatementState
{
    /// <summary>What the statement says now.</summary>
    public StatementRecorded? Recorded { get; set; }

    /// <summary>What the statement said when first recorded, before any correction.</summary>
    public StatementRecorded? Original { get; set; }

    public StatementRetracted? Retraction { get; set; }

    public void Apply(StatementEvent @event)
    {
        switch (@event)
        {
            case StatementRecorded e:
                Recorded = e;
                Original = e;
                break;
            case StatementCorrected e:
                Recorded = e.Corrected;
                break;
            case StatementRetracted e:
                Retraction = e;
                break;
            default:
                throw new InvalidOperationException($"Unknown statement event {@event.GetType().Name}.");
        }
    }
}
