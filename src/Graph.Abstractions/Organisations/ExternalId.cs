namespace Graph.Abstractions.Organisations;

/// <summary>An organisation's id in another register, such as <c>wikidata</c> <c>Q21637</c>.</summary>
[GenerateSerializer, Immutable, Alias("graph.external-id")]
public sealed record ExternalId([property: Id(0)] string Scheme, [property: Id(1)] string Value);
