using Graph.Api.Sites;

namespace Graph.Api.Explorer;

/// <summary>
/// The explorer: a page that draws actors' ego networks with Cytoscape.js from the GraphQL endpoint, with its script,
/// styles and the vendored Cytoscape.js build, served from this assembly.
/// </summary>
public sealed class ExplorerAssets
{
    /// <summary>Where the explorer is served from.</summary>
    public const string BasePath = "/explore";

    /// <summary>The page and its assets.</summary>
    public EmbeddedSite Site { get; } = new(EmbeddedSite.Resources(typeof(ExplorerAssets).Assembly, "explorer/"));
}
