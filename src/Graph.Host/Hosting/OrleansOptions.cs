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

    /// <summary>
    /// How silos find each other and API nodes find silos. (Not <c>Orleans:Clustering</c>: Orleans reads that section
    /// itself, for providers named in configuration.)
    /// </summary>
    public ClusteringKind Membership { get; set; } = ClusteringKind.Localhost;

    /// <summary>With <see cref="ClusteringKind.Redis"/>: the StackExchange.Redis configuration, e.g. <c>localhost:6379</c>.</summary>
    public string? RedisConnectionString { get; set; }

    /// <summary>
    /// The cluster's certificate (a PKCS#12 file): when set, silos and API nodes speak TLS to each other, each presenting
    /// it and accepting only a peer that presents the same one. Without it, the silo and gateway ports carry no
    /// authentication.
    /// </summary>
    public string? TlsCertificatePath { get; set; }

    /// <summary>The password of <see cref="TlsCertificatePath"/>, if it has one.</summary>
    public string? TlsCertificatePassword { get; set; }

    /// <summary>
    /// Serves Orleans' dashboard at <c>/dashboard</c> (admin role) on the API. Off by default: it profiles every grain
    /// call. In a cluster, set it on the silos and the API nodes alike.
    /// </summary>
    public bool Dashboard { get; set; }

    /// <summary>
    /// How long a grain call may wait for its answer. Orleans' default is 30 s; a call caught on a silo that has just
    /// died waits that long before it fails, so the service waits 10 s (a command takes milliseconds).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The address a silo tells the others and the clients to reach it at: loopback by default, the machine's own
    /// address on a network (it then listens on every address).
    /// </summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";
}
