using DualRail.Lightning.Lnd;
using Grpc.Core;
using Lnrpc;

namespace DualRail.Lightning.Tests.Simulator;

/// <summary>The simulator refuses macaroons and certificates as LND does, and our client holds its secret.</summary>
public sealed class AuthAndTlsTests(SimulatorFixture sim) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task A_call_without_a_macaroon_is_refused_with_LNDs_message_but_State_needs_none()
    {
        using var channel = SimulatorFixture.ChannelWithoutMacaroon(sim.Merchant);
        var lightning = new Lnrpc.Lightning.LightningClient(channel);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await lightning.GetInfoAsync(new GetInfoRequest()));
        Assert.Equal((StatusCode.Unknown, "expected 1 macaroon, got 0"), (error.StatusCode, error.Status.Detail));

        var stateClient = new State.StateClient(channel);
        Assert.Equal(WalletState.ServerActive, (await stateClient.GetStateAsync(new GetStateRequest())).State);
        using var states = stateClient.SubscribeState(new SubscribeStateRequest());
        Assert.True(await states.ResponseStream.MoveNext());
        Assert.Equal(WalletState.ServerActive, states.ResponseStream.Current.State);
    }

    [Fact]
    public async Task Two_macaroons_or_bad_hex_are_refused_like_LND()
    {
        using var channel = SimulatorFixture.ChannelWithoutMacaroon(sim.Merchant);
        var lightning = new Lnrpc.Lightning.LightningClient(channel);
        var hex = Convert.ToHexStringLower(sim.Merchant.Macaroons.Admin);

        var two = await Assert.ThrowsAsync<RpcException>(async () => await lightning.GetInfoAsync(new GetInfoRequest(), new Metadata { { "macaroon", hex }, { "macaroon", hex } }));
        Assert.Equal("expected 1 macaroon, got 2", two.Status.Detail);
        var notHex = await Assert.ThrowsAsync<RpcException>(async () => await lightning.GetInfoAsync(new GetInfoRequest(), new Metadata { { "macaroon", "zz" } }));
        Assert.Equal("encoding/hex: invalid byte: U+007A 'z'", notHex.Status.Detail);
        var upper = await lightning.GetInfoAsync(new GetInfoRequest(), new Metadata { { "macaroon", hex.ToUpperInvariant() } });
        Assert.Equal(sim.Merchant.Identity.PublicKeyHex, upper.IdentityPubkey);
    }

    [Fact]
    public async Task Another_nodes_macaroon_fails_verification_and_the_error_does_not_hold_it()
    {
        var options = SimulatorFixture.OptionsFor(sim.Merchant, sim.Payer.Files.AdminMacaroonPath);
        using var client = new LndClient(options);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.Lightning.AddInvoiceAsync(new Invoice { Value = 1 }));

        Assert.Equal((StatusCode.Unknown, "verification failed: signature mismatch after caveat verification"), (error.StatusCode, error.Status.Detail));
        var secret = Convert.ToHexStringLower(sim.Payer.Macaroons.Admin);
        Assert.DoesNotContain(secret, error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_invoice_macaroon_makes_invoices_but_cannot_pay_or_read_node_info()
    {
        using var merchant = SimulatorFixture.ClientFor(sim.Merchant, sim.Merchant.Files.InvoiceMacaroonPath);
        var invoice = await merchant.Lightning.AddInvoiceAsync(new Invoice { Value = 5 });
        Assert.Equal(Invoice.Types.InvoiceState.Open, (await merchant.Lightning.LookupInvoiceAsync(new PaymentHash { RHash = invoice.RHash })).State);

        var info = await Assert.ThrowsAsync<RpcException>(async () => await merchant.Lightning.GetInfoAsync(new GetInfoRequest()));
        Assert.Equal("permission denied", info.Status.Detail);
        using var pay = merchant.Router.SendPaymentV2(new Routerrpc.SendPaymentRequest { PaymentRequest = invoice.PaymentRequest });
        var payError = await Assert.ThrowsAsync<RpcException>(() => pay.ResponseStream.MoveNext());
        Assert.Equal("permission denied", payError.Status.Detail);
    }

    [Fact]
    public async Task The_readonly_macaroon_reads_but_cannot_add_invoices()
    {
        using var client = SimulatorFixture.ClientFor(sim.Merchant, sim.Merchant.Files.ReadOnlyMacaroonPath);
        Assert.Equal(sim.Merchant.Identity.PublicKeyHex, (await client.Lightning.GetInfoAsync(new GetInfoRequest())).IdentityPubkey);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.Lightning.AddInvoiceAsync(new Invoice { Value = 1 }));
        Assert.Equal("permission denied", error.Status.Detail);
    }

    [Fact]
    public async Task A_client_pinned_to_another_nodes_certificate_is_refused()
    {
        var options = SimulatorFixture.OptionsFor(sim.Merchant);
        options.TlsCertPath = sim.Payer.Files.TlsCertPath;
        using var client = new LndClient(options);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.Lightning.GetInfoAsync(new GetInfoRequest()));
        Assert.NotEqual(StatusCode.OK, error.StatusCode);
        Assert.Contains("remote certificate was rejected", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexStringLower(sim.Merchant.Macaroons.Admin), error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_macaroon_file_layout_is_LNDs()
    {
        var files = sim.Merchant.Files;
        Assert.EndsWith(Path.Combine("merchant", "data", "chain", "bitcoin", "regtest", "admin.macaroon"), files.AdminMacaroonPath, StringComparison.Ordinal);
        Assert.EndsWith(Path.Combine("merchant", "tls.cert"), files.TlsCertPath, StringComparison.Ordinal);
        Assert.Equal(sim.Merchant.Macaroons.Admin, await File.ReadAllBytesAsync(files.AdminMacaroonPath));
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", await File.ReadAllTextAsync(files.TlsCertPath), StringComparison.Ordinal);
    }
}
