using System.Security.Cryptography;
using DualRail.Lightning.Bolt11;
using DualRail.LndSim.Hosting;
using Google.Protobuf;
using Grpc.Core;
using Lnrpc;
using static DualRail.Lightning.Tests.Simulator.PaymentFlow;

namespace DualRail.Lightning.Tests.Simulator;

/// <summary>Our LND client against the simulator: node info, invoices, payments, as LND answers them.</summary>
public sealed class InvoiceLifecycleTests(SimulatorFixture sim) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task GetInfo_names_the_node_and_says_it_is_not_LND()
    {
        using var client = SimulatorFixture.ClientFor(sim.Merchant);
        await client.WaitUntilReadyAsync();
        var info = await client.Lightning.GetInfoAsync(new GetInfoRequest());

        Assert.Equal(sim.Merchant.Identity.PublicKeyHex, info.IdentityPubkey);
        Assert.Equal(66, info.IdentityPubkey.Length);
        Assert.Contains("not LND", info.Alias, StringComparison.Ordinal);
        Assert.Contains("not LND", info.Version, StringComparison.Ordinal);
        Assert.Equal("regtest", Assert.Single(info.Chains).Network);
        Assert.True(info.SyncedToChain);
        Assert.Equal(sim.Host.Network.BlockHeight, info.BlockHeight);
        Assert.NotEqual(sim.Payer.Identity.PublicKeyHex, info.IdentityPubkey);
        Assert.Equal(WalletState.ServerActive, await client.GetStateAsync());
    }

    [Fact]
    public async Task AddInvoice_returns_a_signed_regtest_BOLT11_that_matches_the_stored_invoice()
    {
        using var client = SimulatorFixture.ClientFor(sim.Merchant);
        var preimage = RandomNumberGenerator.GetBytes(32);
        var added = await client.Lightning.AddInvoiceAsync(new Invoice { Memo = "a coffee", ValueMsat = 1_234_000, Expiry = 900, RPreimage = ByteString.CopyFrom(preimage) });
        var next = await AddInvoiceAsync(client, 1000);

        var decoded = Bolt11Decoder.Decode(added.PaymentRequest, Bolt11Network.Regtest);
        Assert.StartsWith("lnbcrt", added.PaymentRequest, StringComparison.Ordinal);
        Assert.Equal(sim.Merchant.Identity.PublicKey, decoded.PayeePublicKey);
        Assert.Equal(1_234_000, decoded.AmountMsat);
        Assert.Equal("a coffee", decoded.Description);
        Assert.Equal(900, decoded.ExpirySeconds);
        Assert.Equal(SHA256.HashData(preimage), added.RHash.ToByteArray());
        Assert.Equal(added.RHash.ToByteArray(), decoded.PaymentHash);
        Assert.Equal(added.PaymentAddr.ToByteArray(), decoded.PaymentSecret);
        Assert.Equal(added.AddIndex + 1, next.AddIndex);

        var stored = await client.Lightning.LookupInvoiceAsync(new PaymentHash { RHash = added.RHash });
        Assert.Equal(("a coffee", 1_234_000L, 1234L, 900L, 80UL), (stored.Memo, stored.ValueMsat, stored.Value, stored.Expiry, stored.CltvExpiry));
        Assert.Equal(preimage, stored.RPreimage.ToByteArray());
        Assert.Equal(added.PaymentRequest, stored.PaymentRequest);
        Assert.Equal(added.AddIndex, stored.AddIndex);
        Assert.Equal(Invoice.Types.InvoiceState.Open, stored.State);
        Assert.Equal(0UL, stored.SettleIndex);
        Assert.Equal(decoded.Timestamp, stored.CreationDate);
    }

    [Fact]
    public async Task Paying_an_invoice_settles_it_reveals_the_preimage_and_moves_the_balances()
    {
        using var merchant = SimulatorFixture.ClientFor(sim.Merchant);
        using var payer = SimulatorFixture.ClientFor(sim.Payer);
        var invoice = await AddInvoiceAsync(merchant, 50_000, "lifecycle");
        var merchantBefore = await merchant.Lightning.ChannelBalanceAsync(new ChannelBalanceRequest());
        var payerBefore = await payer.Lightning.ChannelBalanceAsync(new ChannelBalanceRequest());

        var updates = await PayAsync(payer, invoice.PaymentRequest);

        Assert.Equal([Payment.Types.PaymentStatus.InFlight, Payment.Types.PaymentStatus.Succeeded], updates.Select(u => u.Status));
        var done = updates[^1];
        Assert.Equal(Convert.ToHexStringLower(invoice.RHash.ToByteArray()), done.PaymentHash);
        Assert.Equal(invoice.RHash.ToByteArray(), SHA256.HashData(Convert.FromHexString(done.PaymentPreimage)));
        Assert.Equal((50_000L, 50L, 0L), (done.ValueMsat, done.ValueSat, done.FeeMsat));

        var settled = await merchant.Lightning.LookupInvoiceAsync(new PaymentHash { RHash = invoice.RHash });
        Assert.Equal(Invoice.Types.InvoiceState.Settled, settled.State);
        Assert.True(settled.Settled);
        Assert.Equal(50_000, settled.AmtPaidMsat);
        Assert.True(settled.SettleIndex >= 1);
        Assert.True(settled.SettleDate >= settled.CreationDate);

        var merchantAfter = await merchant.Lightning.ChannelBalanceAsync(new ChannelBalanceRequest());
        var payerAfter = await payer.Lightning.ChannelBalanceAsync(new ChannelBalanceRequest());
        Assert.Equal(merchantBefore.LocalBalance.Msat + 50_000, merchantAfter.LocalBalance.Msat);
        Assert.Equal(payerBefore.LocalBalance.Msat - 50_000, payerAfter.LocalBalance.Msat);
        Assert.Equal(payerBefore.RemoteBalance.Msat + 50_000, payerAfter.RemoteBalance.Msat);
    }

    [Fact]
    public async Task Paying_a_paid_invoice_again_fails_with_AlreadyExists_as_LND_does()
    {
        using var merchant = SimulatorFixture.ClientFor(sim.Merchant);
        using var payer = SimulatorFixture.ClientFor(sim.Payer);
        var invoice = await AddInvoiceAsync(merchant, 2_000);
        Assert.Equal(Payment.Types.PaymentStatus.Succeeded, (await PayAsync(payer, invoice.PaymentRequest))[^1].Status);

        var error = await Assert.ThrowsAsync<RpcException>(() => PayAsync(payer, invoice.PaymentRequest));
        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal("invoice is already paid", error.Status.Detail);
    }

    [Fact]
    public async Task Payment_failures_carry_LNDs_reasons()
    {
        using var merchant = SimulatorFixture.ClientFor(sim.Merchant);
        using var payer = SimulatorFixture.ClientFor(sim.Payer);

        var beyondInbound = await AddInvoiceAsync(merchant, (sim.Host.Network.Options.LocalBalanceSat + 1) * 1000 * 3);
        var noRoute = await PayAsync(payer, beyondInbound.PaymentRequest);
        Assert.Equal((Payment.Types.PaymentStatus.Failed, PaymentFailureReason.FailureReasonNoRoute), (noRoute[^1].Status, noRoute[^1].FailureReason));

        var canceled = await AddInvoiceAsync(merchant, 1_000);
        await merchant.Invoices.CancelInvoiceAsync(new Invoicesrpc.CancelInvoiceMsg { PaymentHash = canceled.RHash });
        var rejected = await PayAsync(payer, canceled.PaymentRequest);
        Assert.Equal((Payment.Types.PaymentStatus.Failed, PaymentFailureReason.FailureReasonIncorrectPaymentDetails), (rejected[^1].Status, rejected[^1].FailureReason));

        var ownInvoice = await AddInvoiceAsync(payer, 1_000);
        var self = await PayAsync(payer, ownInvoice.PaymentRequest);
        Assert.Equal(PaymentFailureReason.FailureReasonNoRoute, self[^1].FailureReason);
    }

    [Fact]
    public async Task Bad_payment_requests_are_RPC_errors()
    {
        using var payer = SimulatorFixture.ClientFor(sim.Payer);
        var garbage = await Assert.ThrowsAsync<RpcException>(() => PayAsync(payer, "lnbcrt1notaninvoice"));
        Assert.Equal(StatusCode.Unknown, garbage.StatusCode);

        const string mainnetVector = "lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh";
        var wrongNetwork = await Assert.ThrowsAsync<RpcException>(() => PayAsync(payer, mainnetVector));
        Assert.Equal("invoice not for current active network 'regtest'", wrongNetwork.Status.Detail);
        var decode = await Assert.ThrowsAsync<RpcException>(async () => await payer.Lightning.DecodePayReqAsync(new PayReqString { PayReq = mainnetVector }));
        Assert.Equal("invoice not for current active network 'regtest'", decode.Status.Detail);
    }

    [Fact]
    public async Task DecodePayReq_reads_the_simulators_invoice()
    {
        using var merchant = SimulatorFixture.ClientFor(sim.Merchant);
        using var payer = SimulatorFixture.ClientFor(sim.Payer);
        var invoice = await AddInvoiceAsync(merchant, 21_000, "decode me", expiry: 120);
        var decoded = await payer.Lightning.DecodePayReqAsync(new PayReqString { PayReq = invoice.PaymentRequest });

        Assert.Equal(sim.Merchant.Identity.PublicKeyHex, decoded.Destination);
        Assert.Equal(Convert.ToHexStringLower(invoice.RHash.ToByteArray()), decoded.PaymentHash);
        Assert.Equal((21L, 21_000L, 120L, "decode me", 80L), (decoded.NumSatoshis, decoded.NumMsat, decoded.Expiry, decoded.Description, decoded.CltvExpiry));
        Assert.Equal(invoice.PaymentAddr, decoded.PaymentAddr);
    }

    [Fact]
    public async Task LookupInvoice_of_an_unknown_hash_is_NotFound_as_LND()
    {
        using var client = SimulatorFixture.ClientFor(sim.Merchant);
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.Lightning.LookupInvoiceAsync(new PaymentHash { RHash = ByteString.CopyFrom(new byte[32]) }));
        Assert.Equal((StatusCode.NotFound, "unable to locate invoice"), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task AddInvoice_refuses_bad_input_as_LND_does()
    {
        using var client = SimulatorFixture.ClientFor(sim.Merchant);
        var both = await Assert.ThrowsAsync<RpcException>(async () => await client.Lightning.AddInvoiceAsync(new Invoice { Value = 1, ValueMsat = 1000 }));
        Assert.Contains("mutually exclusive", both.Status.Detail, StringComparison.Ordinal);
        var shortPreimage = await Assert.ThrowsAsync<RpcException>(async () => await client.Lightning.AddInvoiceAsync(new Invoice { RPreimage = ByteString.CopyFrom(new byte[5]) }));
        Assert.Contains("32 bytes", shortPreimage.Status.Detail, StringComparison.Ordinal);

        var preimage = ByteString.CopyFrom(RandomNumberGenerator.GetBytes(32));
        await client.Lightning.AddInvoiceAsync(new Invoice { RPreimage = preimage, Value = 1 });
        var duplicate = await Assert.ThrowsAsync<RpcException>(async () => await client.Lightning.AddInvoiceAsync(new Invoice { RPreimage = preimage, Value = 1 }));
        Assert.Equal("invoice with payment hash already exists", duplicate.Status.Detail);
    }

    [Fact]
    public async Task Wallet_and_channel_balances_are_reported()
    {
        using var client = SimulatorFixture.ClientFor(sim.Payer);
        var wallet = await client.Lightning.WalletBalanceAsync(new WalletBalanceRequest());
        var options = sim.Host.Network.Options;
        Assert.Equal(options.WalletBalanceSat, wallet.ConfirmedBalance);
        Assert.Equal(options.WalletBalanceSat, wallet.TotalBalance);
        var channels = await client.Lightning.ChannelBalanceAsync(new ChannelBalanceRequest());
        Assert.Equal(channels.LocalBalance.Msat / 1000, channels.LocalBalance.Sat);
        Assert.True(channels.LocalBalance.Msat + channels.RemoteBalance.Msat == (ulong)((options.LocalBalanceSat + options.RemoteBalanceSat) * 1000));
    }

    [Fact]
    public void The_disclaimer_is_part_of_the_description()
    {
        Assert.Equal(LndSimulatorHost.Disclaimer, (string?)sim.Host.Describe()["simulator"]);
        Assert.Contains("not LND", LndSimulatorHost.Disclaimer, StringComparison.Ordinal);
    }
}
