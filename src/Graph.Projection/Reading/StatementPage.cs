namespace Graph.Projection.Reading;

/// <summary>A page of statements and how many match in all.</summary>
/// <param name="Actors">
/// The actors the page's statements name, each once, when <see cref="StatementParts.Actors"/> was asked for; otherwise
/// empty.
/// </param>
public sealed record StatementPage(IReadOnlyList<StatementView> Items, int TotalCount, IReadOnlyList<ActorView> Actors);
