using System.Net.Sockets;
using DotNet.Testcontainers.Configurations;

namespace DualRail.Integration.Tests.Regtest;

/// <summary>Whether a Docker engine answers, so that the compose tests can skip with the reason when not.</summary>
internal static class DockerEngine
{
    private static readonly Lazy<Task<string?>> Reason = new(FindReasonAsync);

    /// <summary>Null when an engine answered <c>GET /_ping</c>; otherwise why the compose tests cannot run.</summary>
    public static Task<string?> UnavailableReasonAsync() => Reason.Value;

    private static async Task<string?> FindReasonAsync()
    {
        Uri? endpoint;
        try
        {
            endpoint = TestcontainersSettings.OS.DockerEndpointAuthConfig?.Endpoint;
        }
        catch (Exception e)
        {
            return $"No Docker engine: Testcontainers found no Docker endpoint ({e.GetType().Name}).";
        }

        if (endpoint is null)
            return "No Docker engine: no DOCKER_HOST and no Docker socket found.";

        try
        {
            using var http = CreateClient(endpoint);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            using var response = await http.GetAsync("/_ping", timeout.Token);
            return response.IsSuccessStatusCode ? null : $"No Docker engine: {endpoint} answered /_ping with {(int)response.StatusCode}.";
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or OperationCanceledException or IOException)
        {
            return $"No Docker engine reachable at {endpoint}: {e.Message}";
        }
    }

    private static HttpClient CreateClient(Uri endpoint)
    {
        if (endpoint.Scheme != "unix")
            return new HttpClient { BaseAddress = new UriBuilder(endpoint) { Scheme = "http" }.Uri };

        var socketPath = endpoint.AbsolutePath;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri("http://docker") };
    }
}
