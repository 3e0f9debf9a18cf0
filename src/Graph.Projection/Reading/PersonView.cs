namespace Graph.Projection.Reading;

/// <summary>A person as the graph shows them.</summary>
public sealed record PersonView(string Id, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<AffiliationView> Affiliations)
    : ActorView(Id, Name, Aliases);
