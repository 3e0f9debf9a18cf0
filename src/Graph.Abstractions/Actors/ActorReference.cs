namespace Graph.Abstractions.Actors;

/// <summary>Names an actor in a command: by id, or by name or alias.</summary>
/// <remarks>
/// When neither id nor a known name matches and the command allows it, a missing actor is created with
/// <see cref="Type"/> (an organisation unless said otherwise).
/// </remarks>
[GenerateSerializer, Immutable, Alias("graph.actor-reference")]
public sealed record ActorReference(
    [property: Id(0)] string? Id,
    [property: Id(1)] string? Name,
    [property: Id(2)] ActorType? Type = null)
{
    public static ActorReference ById(string id) => new(id, null);

    public static ActorReference ByName(string name, ActorType? type = null) => new(null, name, type);

    public override string ToString() => Id is not null ? $"id '{Id}'" : $"name '{Name}'";
}
