using Lnrpc;
using static DualRail.Lightning.Tests.Simulator.PaymentFlow;

namespace DualRail.Lightning.Tests.Simulator;

/// <summary>A payer whose channels hold only 100 sat.</summary>
public sealed class InsufficientBalanceTests : IAsyncLifetime
{
    private readonly SimulatorFixture _sim = new(timeProvider: null, localBalanceSat: 100);

    public Task InitializeAsync() => _sim.InitializeAsync();

    public Task DisposeAsync() => _sim.DisposeAsync();

    [Fact]
    public async Task A_payment_beyond_the_local_balance_fails_with_INSUFFICIENT_BALANCE_and_moves_nothing()
    {
        using var merchant = SimulatorFixture.ClientFor(_sim.Merchant);
        using var payer = SimulatorFixture.ClientFor(_sim.Payer);
        var invoice = await AddInvoiceAsync(merchant, 101_000);

        var updates = await PayAsync(payer, invoice.PaymentRequest);

        Assert.Equal((Payment.Types.PaymentStatus.Failed, PaymentFailureReason.FailureReasonInsufficientBalance), (updates[^1].Status, updates[^1].FailureReason));
        Assert.Equal(100_000UL, (await payer.Lightning.ChannelBalanceAsync(new ChannelBalanceRequest())).LocalBalance.Msat);
        Assert.Equal(Invoice.Types.InvoiceState.Open, (await merchant.Lightning.LookupInvoiceAsync(new PaymentHash { RHash = invoice.RHash })).State);

        var affordable = await AddInvoiceAsync(merchant, 100_000);
        Assert.Equal(Payment.Types.PaymentStatus.Succeeded, (await PayAsync(payer, affordable.PaymentRequest))[^1].Status);
        Assert.Equal(0UL, (await payer.Lightning.ChannelBalanceAsync(new ChannelBalanceRequest())).LocalBalance.Msat);
    }
}
