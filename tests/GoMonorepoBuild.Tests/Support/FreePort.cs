using System.Net;
using System.Net.Sockets;

namespace GoMonorepoBuild.Tests.Support;

/// <summary>
/// A loopback port nothing listens on right now, for a test's own registry: fixed ports made two test runs on one
/// machine stop each other's registries.
/// </summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
