using System.ComponentModel.DataAnnotations;

namespace Graph.Neo4j.Client;

/// <summary>Where Neo4j is and how to reach it (configuration section <c>Neo4j</c>).</summary>
public sealed class Neo4jOptions
{
    public const string SectionName = "Neo4j";

    /// <summary>The HTTP(S) address of the Query API, e.g. <c>http://localhost:7474</c>.</summary>
    [Required]
    public Uri? Uri { get; set; }

    /// <summary>The database to use.</summary>
    [Required]
    public string Database { get; set; } = "neo4j";

    /// <summary>The user for basic authentication.</summary>
    public string? User { get; set; }

    /// <summary>The password for basic authentication.</summary>
    public string? Password { get; set; }

    /// <summary>A bearer token (for SSO); used instead of the user and password when set.</summary>
    public string? BearerToken { get; set; }

    /// <summary>How long one HTTP request may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a transient failure is retried before it is reported.</summary>
    [Range(0, 100)]
    public int MaxRetries { get; set; } = 6;

    /// <summary>The first pause before a retry; each further one doubles, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest pause between retries.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
