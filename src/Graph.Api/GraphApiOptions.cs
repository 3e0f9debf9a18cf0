using System.ComponentModel.DataAnnotations;

namespace Graph.Api;

/// <summary>Limits and switches of the GraphQL endpoint (configuration section <c>GraphQL</c>).</summary>
public sealed class GraphApiOptions
{
    public const string SectionName = "GraphQL";

    /// <summary>How deeply fields may nest in one query; introspection does not count.</summary>
    [Range(1, 100)]
    public int MaxDepth { get; set; } = 10;

    /// <summary>
    /// The most work one query may ask for: each field counts 1, multiplied by the page size (<c>first</c>) of every list
    /// above it, or by 5 for a list without one; introspection does not count.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxComplexity { get; set; } = 20_000;

    /// <summary>How many tokens (names, punctuation, values) one query document may hold.</summary>
    [Range(100, 1_000_000)]
    public int MaxTokens { get; set; } = 10_000;

    /// <summary>How many fields one query may select, fragments counted at each place they are spread.</summary>
    [Range(10, 1_000_000)]
    public int MaxFields { get; set; } = 2_000;

    /// <summary>How many directives (<c>@skip</c>, <c>@include</c>, ...) one query document may use.</summary>
    [Range(0, 100_000)]
    public int MaxDirectives { get; set; } = 200;

    /// <summary>How many aliased fields one query may use, fragments counted at each place they are spread.</summary>
    [Range(0, 10_000)]
    public int MaxAliases { get; set; } = 50;

    /// <summary>The largest page (<c>first</c>) a list may be asked for.</summary>
    [Range(1, 100_000)]
    public int MaxPageSize { get; set; } = 500;

    /// <summary>How long one request may execute before it is stopped.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether clients may ask for the schema (GraphiQL needs it). When off, error messages also stop suggesting
    /// names ("did you mean ...").
    /// </summary>
    public bool EnableIntrospection { get; set; } = true;
}
