using System.ComponentModel.DataAnnotations;

namespace Graph.Grains.Actors;

/// <summary>Limits on what one actor may hold (configuration section <c>Actors</c>).</summary>
public sealed class ActorLimits
{
    public const string SectionName = "Actors";

    /// <summary>How many aliases one organisation or person may have.</summary>
    [Range(0, 10_000)]
    public int MaxAliases { get; set; } = 50;
}
