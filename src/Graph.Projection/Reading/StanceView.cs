namespace Graph.Projection.Reading;

/// <summary>
/// How an actor has spoken to or about a target: statements of supportive kinds, of critical kinds, and others.
/// </summary>
public sealed record StanceView(string ActorId, string TargetId, int Supportive, int Critical, int Other)
{
    /// <summary>From -1 (only critical) to 1 (only supportive); 0 when neither.</summary>
    public double Score => Supportive + Critical == 0 ? 0 : (double)(Supportive - Critical) / (Supportive + Critical);
}
