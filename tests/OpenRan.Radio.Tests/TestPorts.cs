using System.Net;
using System.Net.Sockets;

namespace OpenRan.Radio.Tests;

/// <summary>Free loopback TCP ports for ZMQ tests (asks the OS, so parallel test runs do not collide).</summary>
internal static class TestPorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
