using System.ComponentModel.DataAnnotations;

namespace Graph.Host.Hosting;

/// <summary>How the Orleans silo runs (configuration section <c>Orleans</c>).</summary>
public sealed class OrleansOptions
{
    public const string SectionName = "Orleans";

    /// <summary>The port silos talk to each other on.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port Orleans clients connect to.</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The cluster's id; silos with the same id form one cluster.</summary>
    [Required]
    public string ClusterId { get; set; } = "stakeholder-graph";

    /// <summary>The service's id, stable across deployments.</summary>
    [Required]
    public string ServiceId { get; set; } = "stakeholder-graph";
}
