using Grpc.Core;
using Grpc.Net.Client;

namespace DualRail.Lightning.Lnd;

/// <summary>Builds the TLS gRPC channel: pinned certificate, macaroon on every call.</summary>
internal static class LndChannelFactory
{
    // LND answers ListInvoices with up to its own 200 MB limit; the client default of 4 MB is too small.
    private const int MaxReceiveMessageSize = 200 * 1024 * 1024;

    public static GrpcChannel Create(Uri endpoint, LndClientOptions options, PinnedCertificate? pin, LndMacaroon macaroon)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            // Pings notice an LND that vanished without closing the connection, so streams fail and reconnect.
            KeepAlivePingDelay = TimeSpan.FromSeconds(20),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        };
        if (pin is not null)
            handler.SslOptions.RemoteCertificateValidationCallback = pin.Callback;

        var macaroonCredentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add(LndMacaroon.MetadataKey, macaroon.Hex);
            return Task.CompletedTask;
        });

        return GrpcChannel.ForAddress(endpoint, new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            Credentials = ChannelCredentials.Create(ChannelCredentials.SecureSsl, macaroonCredentials),
            MaxReceiveMessageSize = MaxReceiveMessageSize,
        });
    }
}
