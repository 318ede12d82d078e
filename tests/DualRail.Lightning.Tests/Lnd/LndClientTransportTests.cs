using DualRail.Lightning.Lnd;
using DualRail.Lightning.Tests.Wire;
using DualRail.LndSim.Tls;
using Grpc.Core;
using Lnrpc;
using static DualRail.Lightning.Tests.Wire.EchoCall;

namespace DualRail.Lightning.Tests.Lnd;

/// <summary>TLS pinning, deadlines, readiness and secrecy of the macaroon, against the echo server on LND's protos.</summary>
public sealed class LndClientTransportTests(LndEchoServer server) : IClassFixture<LndEchoServer>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dualrail-lnd-client-").FullName;

    [Fact]
    public async Task The_pinned_certificate_is_accepted()
    {
        using var client = server.CreateClient();
        Assert.Equal(WalletState.ServerActive,
            (await client.State.GetStateAsync(new GetStateRequest(), Reply(new { state = "SERVER_ACTIVE" }))).State);
    }

    [Fact]
    public async Task A_server_with_another_certificate_is_refused_and_the_error_does_not_hold_the_macaroon()
    {
        using var other = SelfSignedTlsCertificate.Create("not the node");
        using var client = server.CreateClient(o =>
        {
            o.TlsCertPath = null;
            o.TlsCertBase64 = Convert.ToBase64String(other.Certificate.RawData);
        });

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.Lightning.GetInfoAsync(new GetInfoRequest()));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Contains("The remote certificate was rejected", error.ToString(), StringComparison.Ordinal);
        Assert.True(LndTransientErrors.IsCertificateRejected(error));
        Assert.False(LndTransientErrors.IsTransient(error)); // retrying cannot fix a wrong pin
        AssertNoMacaroon(error);
    }

    [Fact]
    public async Task Waiting_for_a_node_whose_certificate_is_not_the_pinned_one_fails_at_once_with_a_clear_message()
    {
        using var other = SelfSignedTlsCertificate.Create("not the node");
        using var client = server.CreateClient(o =>
        {
            o.TlsCertPath = null;
            o.TlsCertBase64 = Convert.ToBase64String(other.Certificate.RawData);
        });

        // Were the refusal treated as transient, this would wait (with backoff) until the token ends it.
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var error = await Assert.ThrowsAsync<LndCertificateRejectedException>(() => client.WaitUntilReadyAsync(patience.Token));

        Assert.Contains("not the pinned tls.cert", error.Message, StringComparison.Ordinal);
        Assert.Contains(client.Endpoint.Authority, error.Message, StringComparison.Ordinal);
        AssertNoMacaroon(error);
    }

    [Fact]
    public void A_reset_connection_is_still_transient()
    {
        var reset = new RpcException(new Status(StatusCode.Internal, "Error starting gRPC call.", new HttpRequestException("The response ended prematurely.", new IOException("reset"))));
        Assert.True(LndTransientErrors.IsTransient(reset));
        Assert.False(LndTransientErrors.IsCertificateRejected(reset));
    }

    [Fact]
    public async Task Without_a_pin_the_self_signed_certificate_is_not_trusted()
    {
        using var client = server.CreateClient(o => o.TlsCertPath = null);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.Lightning.GetInfoAsync(new GetInfoRequest()));
        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Contains("The remote certificate is invalid", error.ToString(), StringComparison.Ordinal);
        Assert.False(LndTransientErrors.IsTransient(error));
        var waiting = await Assert.ThrowsAsync<LndCertificateRejectedException>(() => client.WaitUntilReadyAsync());
        Assert.Contains("does not trust", waiting.Message, StringComparison.Ordinal);
        AssertNoMacaroon(error);
    }

    [Fact]
    public async Task The_pin_can_be_given_inline_as_base64_of_the_PEM()
    {
        var pem = await File.ReadAllBytesAsync(server.CertPath);
        using var client = server.CreateClient(o =>
        {
            o.TlsCertPath = null;
            o.TlsCertBase64 = Convert.ToBase64String(pem);
        });
        var state = await client.State.GetStateAsync(new GetStateRequest(), Reply(new { state = "SERVER_ACTIVE" }));
        Assert.Equal(WalletState.ServerActive, state.State);
    }

    [Fact]
    public async Task The_macaroon_file_is_sent_as_hex()
    {
        var path = Path.Combine(_directory, "admin.macaroon");
        await File.WriteAllBytesAsync(path, Convert.FromHexString(LndEchoServer.MacaroonHex));
        using var client = server.CreateClient(o =>
        {
            o.MacaroonHex = null;
            o.MacaroonPath = path;
        });
        var call = client.Lightning.GetInfoAsync(new GetInfoRequest(), Reply(new { }));
        await call;
        Assert.Equal(LndEchoServer.MacaroonHex, (string?)Echo(await call.ResponseHeadersAsync)["macaroon"]![0]);
    }

    [Fact]
    public async Task A_unary_call_without_its_own_deadline_gets_the_configured_one()
    {
        using var client = server.CreateClient(o => o.CallTimeout = TimeSpan.FromMilliseconds(300));
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.Lightning.GetInfoAsync(new GetInfoRequest(), Reply(new { }, delayMs: 5_000)));
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        AssertNoMacaroon(error);
    }

    [Fact]
    public async Task A_server_error_never_carries_the_macaroon_into_the_exception()
    {
        using var client = server.CreateClient();
        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.Lightning.AddInvoiceAsync(new Invoice(),
            Reply(status: new { code = (int)StatusCode.Unknown, details = "verification failed: signature mismatch after caveat verification" })));
        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        AssertNoMacaroon(error);
    }

    [Fact]
    public async Task WaitUntilReady_keeps_waiting_while_the_node_is_not_SERVER_ACTIVE()
    {
        using var client = server.CreateClient();
        // The echo server answers GetState without a reply header with the default state (NON_EXISTING),
        // so a client that waits for SERVER_ACTIVE there does not return.
        using var notReady = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.WaitUntilReadyAsync(notReady.Token));
        Assert.Equal(WalletState.NonExisting, await client.GetStateAsync());
    }

    [Fact]
    public async Task Nothing_listening_is_a_transient_Unavailable_without_the_macaroon()
    {
        using var client = server.CreateClient(o =>
        {
            o.Endpoint = $"https://127.0.0.1:{DualRail.TestSupport.FreePort.Get()}";
            o.CallTimeout = TimeSpan.FromSeconds(5);
        });
        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.Lightning.GetInfoAsync(new GetInfoRequest()));
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.True(LndTransientErrors.IsTransient(error));
        AssertNoMacaroon(error);
    }

    private static void AssertNoMacaroon(Exception error)
    {
        Assert.DoesNotContain(LndEchoServer.MacaroonHex, error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(LndEchoServer.MacaroonHex, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
