using System.Net;
using System.Net.Sockets;

namespace Graph.Testing;

/// <summary>Ports nobody listens on, so test hosts never collide with each other or with a running service.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
