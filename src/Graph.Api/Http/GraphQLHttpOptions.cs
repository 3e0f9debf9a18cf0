using System.ComponentModel.DataAnnotations;

namespace Graph.Api.Http;

/// <summary>Limits of the GraphQL-over-HTTP transport (configuration section <c>GraphQL</c>).</summary>
public sealed class GraphQLHttpOptions
{
    public const string SectionName = "GraphQL";

    /// <summary>The largest request body accepted, in bytes; a larger POST is refused with 413 before it is parsed.</summary>
    [Range(1_024, 256 * 1_024 * 1_024)]
    public int MaxRequestBytes { get; set; } = 1_024 * 1_024;
}
