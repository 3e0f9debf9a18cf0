namespace Graph.Projection;

/// <summary>Who holds the lease to project into a graph store several processes share, and for how much longer.</summary>
/// <param name="Holder">The process holding it, as it named itself.</param>
/// <param name="Remaining">How long the lease runs unless renewed, in the store's clock.</param>
public readonly record struct ProjectionLease(string Holder, TimeSpan Remaining);
