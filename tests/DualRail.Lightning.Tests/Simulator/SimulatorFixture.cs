using System.Net.Security;
using DualRail.Lightning.Lnd;
using DualRail.LndSim.Hosting;
using DualRail.LndSim.Nodes;
using Grpc.Net.Client;

namespace DualRail.Lightning.Tests.Simulator;

/// <summary>An in-process LND simulator with a merchant and a payer, and clients for them.</summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dualrail-lndsim-").FullName;

    public SimulatorFixture()
        : this(null)
    {
    }

    internal SimulatorFixture(TimeProvider? timeProvider, long routingFeeMsat = 0, long localBalanceSat = 10_000_000)
    {
        var options = new LndSimulatorOptions { DataDir = _directory, RoutingFeeMsat = routingFeeMsat, LocalBalanceSat = localBalanceSat };
        Host = new LndSimulatorHost(options, timeProvider);
    }

    public LndSimulatorHost Host { get; }

    public SimulatedNode Merchant => Host.Node("merchant");

    public SimulatedNode Payer => Host.Node("payer");

    public Task InitializeAsync() => Host.StartAsync();

    public static LndClientOptions OptionsFor(SimulatedNode node, string? macaroonPath = null) => new()
    {
        Endpoint = node.Endpoint,
        TlsCertPath = node.Files.TlsCertPath,
        MacaroonPath = macaroonPath ?? node.Files.AdminMacaroonPath,
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(100),
        ReconnectMaxDelay = TimeSpan.FromSeconds(1),
    };

    public static LndClient ClientFor(SimulatedNode node, string? macaroonPath = null) => new(OptionsFor(node, macaroonPath));

    /// <summary>A channel that trusts the node's certificate but sends no macaroon at all.</summary>
    public static GrpcChannel ChannelWithoutMacaroon(SimulatedNode node)
    {
        var pinned = node.Tls.Certificate.RawData;
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(pinned),
            },
        };
        return GrpcChannel.ForAddress(node.Endpoint, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
