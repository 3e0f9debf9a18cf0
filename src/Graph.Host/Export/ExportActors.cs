using Graph.Abstractions.Actors;
using Graph.Projection.Reading;

namespace Graph.Host.Export;

/// <summary>The actor an export filter names: by id, or by a name or alias as GraphQL takes it (case, accents and spacing aside).</summary>
public static class ExportActors
{
    /// <summary>The actor's id; null with the reason when no actor, or more than one, answers to the text.</summary>
    public static async Task<(string? Id, string? Problem)> ResolveAsync(IGraphReader reader, string text, CancellationToken cancellationToken)
    {
        if ((await reader.GetActorsAsync([text], cancellationToken)).FirstOrDefault() is { } byId)
        {
            return (byId.Id, null);
        }

        var wanted = ActorNames.Normalise(text);
        var named = (await reader.FindActorsAsync(new ActorSearch(text, Limit: 100), cancellationToken))
            .Where(a => ActorNames.Normalise(a.Name) == wanted || a.Aliases.Any(alias => ActorNames.Normalise(alias) == wanted))
            .ToList();
        return named switch
        {
            [var only] => (only.Id, null),
            [] => (null, $"No actor has the id, name or alias '{text}'."),
            _ => (null, $"'{text}' names {named.Count} actors ({string.Join(", ", named.Select(a => a.Id))}); give one's id."),
        };
    }
}
