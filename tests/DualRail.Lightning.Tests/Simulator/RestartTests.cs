using DualRail.Lightning.Lnd;
using Grpc.Core;
using Lnrpc;
using static DualRail.Lightning.Tests.Simulator.PaymentFlow;

namespace DualRail.Lightning.Tests.Simulator;

/// <summary>A simulated LND restart: streams drop, connections are refused, the client reconnects by itself.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private readonly SimulatorFixture _sim = new();

    public Task InitializeAsync() => _sim.InitializeAsync();

    public Task DisposeAsync() => _sim.DisposeAsync();

    [Fact]
    public async Task A_raw_stream_ends_with_Unavailable_and_calls_are_refused_while_down()
    {
        using var merchant = SimulatorFixture.ClientFor(_sim.Merchant);
        using var call = merchant.Lightning.SubscribeInvoices(new InvoiceSubscription());
        await call.ResponseHeadersAsync;

        await _sim.Host.TakeDownAsync();
        var dropped = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
        Assert.True(LndTransientErrors.IsTransient(dropped), dropped.StatusCode.ToString());
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await merchant.Lightning.GetInfoAsync(new GetInfoRequest()));
        // Usually Unavailable (connection refused); a request racing the shutdown sees the
        // connection reset instead (Internal). Either way the client must treat it as "LND away".
        Assert.True(LndTransientErrors.IsTransient(refused), refused.StatusCode.ToString());

        await _sim.Host.BringUpAsync();
        await merchant.WaitUntilReadyAsync();
        Assert.Equal(_sim.Merchant.Identity.PublicKeyHex, (await merchant.Lightning.GetInfoAsync(new GetInfoRequest())).IdentityPubkey);
    }

    [Fact]
    public async Task The_reconnecting_subscription_resumes_from_the_last_indexes_and_loses_nothing()
    {
        using var merchant = SimulatorFixture.ClientFor(_sim.Merchant);
        using var payer = SimulatorFixture.ClientFor(_sim.Payer);
        var before = await AddInvoiceAsync(merchant, 1_000, "before");
        await PayAsync(payer, before.PaymentRequest);   // add_index 1, settle_index 1

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        // From (1, 1): whether the stream registers before or after "second", LND's backlog brings it.
        var (seen, reader) = Collect(merchant.SubscribeInvoicesAsync(before.AddIndex, 1, cts.Token), cts.Token);
        var second = await AddInvoiceAsync(merchant, 2_000, "second");
        await WaitForAsync(seen, s => s.Any(i => i.AddIndex == second.AddIndex));
        await PayAsync(payer, second.PaymentRequest);
        await WaitForAsync(seen, s => s.Any(i => i.SettleIndex == 2));

        await _sim.Host.TakeDownAsync();
        await _sim.Host.BringUpAsync();
        // Calls right after a restart fail until the channel has reconnected, as with LND: wait for readiness.
        await merchant.WaitUntilReadyAsync();
        await payer.WaitUntilReadyAsync();
        // Made right after the restart: the stream may not be back yet; the backlog must bring these.
        var third = await AddInvoiceAsync(merchant, 3_000, "third");
        await PayAsync(payer, third.PaymentRequest);
        var fourth = await AddInvoiceAsync(merchant, 4_000, "fourth");

        var all = await WaitForAsync(seen, s =>
            s.Any(i => i.AddIndex == fourth.AddIndex) && s.Any(i => i.AddIndex == third.AddIndex && i.State == Invoice.Types.InvoiceState.Settled));
        Assert.DoesNotContain(all, i => i.AddIndex == before.AddIndex);
        Assert.Equal(3UL, all.Where(i => i.AddIndex == third.AddIndex).Max(i => i.SettleIndex));

        await cts.CancelAsync();
        await reader;
    }

    [Fact]
    public async Task RestartAsync_is_down_then_up_and_keeps_the_invoices()
    {
        using var merchant = SimulatorFixture.ClientFor(_sim.Merchant);
        var invoice = await AddInvoiceAsync(merchant, 1_000, "kept");
        await _sim.Host.RestartAsync(TimeSpan.FromMilliseconds(200));
        await merchant.WaitUntilReadyAsync();
        var lookup = await merchant.Lightning.LookupInvoiceAsync(new PaymentHash { RHash = invoice.RHash });
        Assert.Equal("kept", lookup.Memo);
        Assert.True(_sim.Host.IsUp);
    }
}
