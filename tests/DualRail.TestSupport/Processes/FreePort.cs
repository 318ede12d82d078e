using System.Net;
using System.Net.Sockets;

namespace DualRail.TestSupport;

/// <summary>Finds a TCP port on 127.0.0.1 that is free right now (the OS picks it).</summary>
/// <remarks>Another process may take it before ours binds; starters retry on "address in use".</remarks>
public static class FreePort
{
    public static int Get()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
