namespace Graph.Host.Hosting;

/// <summary>What one process of the service does (<c>serve --role</c>, or <c>Graph:Role</c>).</summary>
public enum ServiceRole
{
    /// <summary>Everything in one process: the grains, the graph and the API (the default).</summary>
    All,

    /// <summary>The grains only, writing the event log; HTTP serves health alone.</summary>
    Silo,

    /// <summary>
    /// The GraphQL endpoint, import, export and the explorer, holding no grains: an Orleans client of the silos, with
    /// its own graph kept from the shared event log.
    /// </summary>
    Api,
}

/// <summary>How silos find each other and clients find silos (<c>Orleans:Membership</c>).</summary>
public enum ClusteringKind
{
    /// <summary>One silo on this machine, at fixed ports: the single-process default.</summary>
    Localhost,

    /// <summary>Membership kept in Redis: any number of silos and clients on any machines.</summary>
    Redis,
}
