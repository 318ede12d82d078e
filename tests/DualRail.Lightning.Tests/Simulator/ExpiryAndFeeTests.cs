using Grpc.Core;
using Lnrpc;
using Microsoft.Extensions.Time.Testing;
using static DualRail.Lightning.Tests.Simulator.PaymentFlow;

namespace DualRail.Lightning.Tests.Simulator;

/// <summary>Expiry and fee limits, on a simulator whose clock and routing fee the test controls.</summary>
public sealed class ExpiryAndFeeTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly SimulatorFixture _sim;

    public ExpiryAndFeeTests() => _sim = new SimulatorFixture(_clock, routingFeeMsat: 2_000);

    public Task InitializeAsync() => _sim.InitializeAsync();

    public Task DisposeAsync() => _sim.DisposeAsync();

    [Fact]
    public async Task An_expired_invoice_is_refused_as_an_RPC_error()
    {
        using var merchant = SimulatorFixture.ClientFor(_sim.Merchant);
        using var payer = SimulatorFixture.ClientFor(_sim.Payer);
        var invoice = await AddInvoiceAsync(merchant, 1_000, expiry: 60);
        _clock.Advance(TimeSpan.FromSeconds(61));

        var error = await Assert.ThrowsAsync<RpcException>(() => PayAsync(payer, invoice.PaymentRequest));
        Assert.StartsWith("invoice expired", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(Invoice.Types.InvoiceState.Open, (await merchant.Lightning.LookupInvoiceAsync(new PaymentHash { RHash = invoice.RHash })).State);
    }

    [Fact]
    public async Task The_fee_limit_is_enforced_and_the_fee_is_paid()
    {
        using var merchant = SimulatorFixture.ClientFor(_sim.Merchant);
        using var payer = SimulatorFixture.ClientFor(_sim.Payer);

        var tooCheap = await AddInvoiceAsync(merchant, 10_000);
        var refused = await PayAsync(payer, tooCheap.PaymentRequest, feeLimitSat: 1);
        Assert.Equal((Payment.Types.PaymentStatus.Failed, PaymentFailureReason.FailureReasonNoRoute), (refused[^1].Status, refused[^1].FailureReason));

        var before = await payer.Lightning.ChannelBalanceAsync(new ChannelBalanceRequest());
        var paid = await PayAsync(payer, tooCheap.PaymentRequest, feeLimitSat: 2);
        Assert.Equal((Payment.Types.PaymentStatus.Succeeded, 2_000L, 2L), (paid[^1].Status, paid[^1].FeeMsat, paid[^1].FeeSat));
        var after = await payer.Lightning.ChannelBalanceAsync(new ChannelBalanceRequest());
        Assert.Equal(before.LocalBalance.Msat - 12_000, after.LocalBalance.Msat);
    }
}
