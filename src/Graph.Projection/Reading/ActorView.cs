namespace Graph.Projection.Reading;

/// <summary>An organisation or person as the graph shows it.</summary>
public abstract record ActorView(string Id, string Name, IReadOnlyList<string> Aliases);
