using Grpc.Core;
using Lnrpc;
using static DualRail.Lightning.Tests.Simulator.PaymentFlow;

namespace DualRail.Lightning.Tests.Simulator;

/// <summary>
/// SubscribeInvoices as LND serves it (reference/lnd.md §4): a strictly-greater backlog of adds and
/// then settles, 0 meaning none, then live OPEN and SETTLED events only. Each test has its own node
/// set so the indexes are known.
/// </summary>
public sealed class SubscriptionTests : IAsyncLifetime
{
    private readonly SimulatorFixture _sim = new();

    public Task InitializeAsync() => _sim.InitializeAsync();

    public Task DisposeAsync() => _sim.DisposeAsync();

    [Fact]
    public async Task The_backlog_replays_adds_and_settles_strictly_after_the_given_indexes()
    {
        using var merchant = SimulatorFixture.ClientFor(_sim.Merchant);
        using var payer = SimulatorFixture.ClientFor(_sim.Payer);
        var first = await AddInvoiceAsync(merchant, 1_000, "first");
        var second = await AddInvoiceAsync(merchant, 2_000, "second");
        var third = await AddInvoiceAsync(merchant, 3_000, "third");
        Assert.Equal((1UL, 2UL, 3UL), (first.AddIndex, second.AddIndex, third.AddIndex));
        await PayAsync(payer, first.PaymentRequest);   // settle_index 1
        await PayAsync(payer, third.PaymentRequest);   // settle_index 2

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var call = merchant.Lightning.SubscribeInvoices(new InvoiceSubscription { AddIndex = 1, SettleIndex = 1 }, cancellationToken: cts.Token);
        var backlog = new List<Invoice>();
        for (var i = 0; i < 3 && await call.ResponseStream.MoveNext(cts.Token); i++)
            backlog.Add(call.ResponseStream.Current);

        // Adds after 1 (second, third — in their current state), then settles after 1 (third).
        Assert.Equal(["second", "third", "third"], backlog.Select(i => i.Memo));
        Assert.Equal([2UL, 3UL, 3UL], backlog.Select(i => i.AddIndex));
        Assert.Equal(Invoice.Types.InvoiceState.Settled, backlog[2].State);
        Assert.Equal(2UL, backlog[2].SettleIndex);

        var live = await AddInvoiceAsync(merchant, 4_000, "live");
        Assert.True(await call.ResponseStream.MoveNext(cts.Token));
        Assert.Equal((live.AddIndex, Invoice.Types.InvoiceState.Open), (call.ResponseStream.Current.AddIndex, call.ResponseStream.Current.State));
        await PayAsync(payer, live.PaymentRequest);
        Assert.True(await call.ResponseStream.MoveNext(cts.Token));
        Assert.Equal((live.AddIndex, 3UL, Invoice.Types.InvoiceState.Settled, 4_000L),
            (call.ResponseStream.Current.AddIndex, call.ResponseStream.Current.SettleIndex, call.ResponseStream.Current.State, call.ResponseStream.Current.AmtPaidMsat));
    }

    [Fact]
    public async Task Index_zero_means_no_backlog_and_index_one_is_never_replayed()
    {
        using var merchant = SimulatorFixture.ClientFor(_sim.Merchant);
        using var payer = SimulatorFixture.ClientFor(_sim.Payer);
        var early = await AddInvoiceAsync(merchant, 1_000, "early");
        await PayAsync(payer, early.PaymentRequest);   // add_index 1, settle_index 1

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var fromZero = merchant.Lightning.SubscribeInvoices(new InvoiceSubscription(), cancellationToken: cts.Token);
        using var fromOne = merchant.Lightning.SubscribeInvoices(new InvoiceSubscription { AddIndex = 1, SettleIndex = 1 }, cancellationToken: cts.Token);
        // Make sure both subscriptions are registered before the next invoice (headers arrive once the call is running).
        await fromZero.ResponseHeadersAsync;
        await fromOne.ResponseHeadersAsync;
        var marker = await AddInvoiceAsync(merchant, 1_000, "marker");

        Assert.True(await fromZero.ResponseStream.MoveNext(cts.Token));
        Assert.Equal("marker", fromZero.ResponseStream.Current.Memo);
        Assert.True(await fromOne.ResponseStream.MoveNext(cts.Token));
        Assert.Equal(marker.AddIndex, fromOne.ResponseStream.Current.AddIndex);
    }

    [Fact]
    public async Task Hold_invoices_go_ACCEPTED_then_SETTLED_and_only_SubscribeSingleInvoice_sees_ACCEPTED()
    {
        using var merchant = SimulatorFixture.ClientFor(_sim.Merchant);
        using var payer = SimulatorFixture.ClientFor(_sim.Payer);
        var preimage = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var hash = Google.Protobuf.ByteString.CopyFrom(System.Security.Cryptography.SHA256.HashData(preimage));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var allCall = merchant.Lightning.SubscribeInvoices(new InvoiceSubscription(), cancellationToken: cts.Token);
        await allCall.ResponseHeadersAsync; // registered: no event can be missed from here on
        var (all, allReader) = Collect(allCall.ResponseStream.ReadAllAsync(cts.Token), cts.Token);
        // The single-invoice stream sends the current state on subscribe, so it needs no such wait.
        var (single, singleReader) = Collect(merchant.SubscribeSingleInvoiceAsync(hash, cts.Token), cts.Token);

        var hold = await merchant.Invoices.AddHoldInvoiceAsync(new Invoicesrpc.AddHoldInvoiceRequest { Hash = hash, ValueMsat = 7_000, Memo = "hold" });
        await WaitForAsync(single, s => s.Any(i => i.State == Invoice.Types.InvoiceState.Open));

        using var payment = payer.Router.SendPaymentV2(new Routerrpc.SendPaymentRequest { PaymentRequest = hold.PaymentRequest, TimeoutSeconds = 60, FeeLimitSat = 1 }, cancellationToken: cts.Token);
        Assert.True(await payment.ResponseStream.MoveNext(cts.Token));
        Assert.Equal(Payment.Types.PaymentStatus.InFlight, payment.ResponseStream.Current.Status);
        await WaitForAsync(single, s => s.Any(i => i.State == Invoice.Types.InvoiceState.Accepted));
        var accepted = await merchant.Lightning.LookupInvoiceAsync(new PaymentHash { RHash = hash });
        Assert.Equal((Invoice.Types.InvoiceState.Accepted, 0UL, 7_000L), (accepted.State, accepted.SettleIndex, accepted.AmtPaidMsat));
        Assert.True(accepted.RPreimage.IsEmpty);

        await merchant.Invoices.SettleInvoiceAsync(new Invoicesrpc.SettleInvoiceMsg { Preimage = Google.Protobuf.ByteString.CopyFrom(preimage) });
        Assert.True(await payment.ResponseStream.MoveNext(cts.Token));
        Assert.Equal((Payment.Types.PaymentStatus.Succeeded, Convert.ToHexStringLower(preimage)), (payment.ResponseStream.Current.Status, payment.ResponseStream.Current.PaymentPreimage));
        var singleSeen = await WaitForAsync(single, s => s.Any(i => i.State == Invoice.Types.InvoiceState.Settled));
        var allSeen = await WaitForAsync(all, s => s.Any(i => i.State == Invoice.Types.InvoiceState.Settled));

        Assert.Equal([Invoice.Types.InvoiceState.Open, Invoice.Types.InvoiceState.Accepted, Invoice.Types.InvoiceState.Settled], singleSeen.Select(i => i.State));
        await singleReader;
        Assert.False(cts.IsCancellationRequested, "the single-invoice stream ends by itself after SETTLED, as LND's does");
        Assert.Equal([Invoice.Types.InvoiceState.Open, Invoice.Types.InvoiceState.Settled], allSeen.Select(i => i.State));
        await cts.CancelAsync();
        await Task.WhenAll(allReader, singleReader);
    }

    [Fact]
    public async Task Canceling_a_held_invoice_fails_the_payment_and_refunds_the_payer()
    {
        using var merchant = SimulatorFixture.ClientFor(_sim.Merchant);
        using var payer = SimulatorFixture.ClientFor(_sim.Payer);
        var hash = Google.Protobuf.ByteString.CopyFrom(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var hold = await merchant.Invoices.AddHoldInvoiceAsync(new Invoicesrpc.AddHoldInvoiceRequest { Hash = hash, ValueMsat = 9_000 });
        var before = await payer.Lightning.ChannelBalanceAsync(new ChannelBalanceRequest());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var payment = payer.Router.SendPaymentV2(new Routerrpc.SendPaymentRequest { PaymentRequest = hold.PaymentRequest, FeeLimitSat = 1 }, cancellationToken: cts.Token);
        Assert.True(await payment.ResponseStream.MoveNext(cts.Token));
        Assert.Equal(Payment.Types.PaymentStatus.InFlight, payment.ResponseStream.Current.Status);
        var settleOpen = await Assert.ThrowsAsync<Grpc.Core.RpcException>(async () =>
            await merchant.Invoices.SettleInvoiceAsync(new Invoicesrpc.SettleInvoiceMsg { Preimage = Google.Protobuf.ByteString.CopyFrom(new byte[32]) }));
        Assert.Equal("unable to locate invoice", settleOpen.Status.Detail);

        await merchant.Invoices.CancelInvoiceAsync(new Invoicesrpc.CancelInvoiceMsg { PaymentHash = hash });
        Assert.True(await payment.ResponseStream.MoveNext(cts.Token));
        Assert.Equal((Payment.Types.PaymentStatus.Failed, PaymentFailureReason.FailureReasonIncorrectPaymentDetails),
            (payment.ResponseStream.Current.Status, payment.ResponseStream.Current.FailureReason));
        Assert.Equal(Invoice.Types.InvoiceState.Canceled, (await merchant.Lightning.LookupInvoiceAsync(new PaymentHash { RHash = hash })).State);
        Assert.Equal(before.LocalBalance.Msat, (await payer.Lightning.ChannelBalanceAsync(new ChannelBalanceRequest())).LocalBalance.Msat);
    }

    [Fact]
    public async Task ListInvoices_pages_forwards_and_backwards_on_add_index()
    {
        using var merchant = SimulatorFixture.ClientFor(_sim.Merchant);
        using var payer = SimulatorFixture.ClientFor(_sim.Payer);
        var added = new List<AddInvoiceResponse>();
        for (var i = 1; i <= 5; i++)
            added.Add(await AddInvoiceAsync(merchant, 1_000 * i, $"n{i}"));
        await PayAsync(payer, added[1].PaymentRequest);

        var page1 = await merchant.Lightning.ListInvoicesAsync(new ListInvoiceRequest { NumMaxInvoices = 2 });
        var page2 = await merchant.Lightning.ListInvoicesAsync(new ListInvoiceRequest { IndexOffset = page1.LastIndexOffset, NumMaxInvoices = 2 });
        var back = await merchant.Lightning.ListInvoicesAsync(new ListInvoiceRequest { Reversed = true, NumMaxInvoices = 2 });
        var backFrom4 = await merchant.Lightning.ListInvoicesAsync(new ListInvoiceRequest { Reversed = true, IndexOffset = 4, NumMaxInvoices = 2 });
        var pending = await merchant.Lightning.ListInvoicesAsync(new ListInvoiceRequest { PendingOnly = true });
        var past = await merchant.Lightning.ListInvoicesAsync(new ListInvoiceRequest { IndexOffset = 5 });

        Assert.Equal(["n1", "n2"], page1.Invoices.Select(i => i.Memo));
        Assert.Equal((1UL, 2UL), (page1.FirstIndexOffset, page1.LastIndexOffset));
        Assert.Equal(["n3", "n4"], page2.Invoices.Select(i => i.Memo));
        Assert.Equal(["n4", "n5"], back.Invoices.Select(i => i.Memo));
        Assert.Equal((4UL, 5UL), (back.FirstIndexOffset, back.LastIndexOffset));
        Assert.Equal(["n2", "n3"], backFrom4.Invoices.Select(i => i.Memo));
        Assert.Equal(["n1", "n3", "n4", "n5"], pending.Invoices.Select(i => i.Memo));
        Assert.Empty(past.Invoices);
        Assert.Equal((0UL, 0UL), (past.FirstIndexOffset, past.LastIndexOffset));
    }
}
