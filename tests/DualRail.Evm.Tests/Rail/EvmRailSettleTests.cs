using DualRail.Evm.Facilitators;
using DualRail.Protocol;

namespace DualRail.Evm.Tests.Rail;

public sealed class EvmRailSettleTests
{
    [Fact]
    public async Task A_settled_payment_carries_the_transaction()
    {
        var h = new RailHarness();
        var quote = await h.QuoteAsync();

        var result = await h.Rail.SettleAsync(h.Pay(quote), quote, default);

        Assert.True(result.Success);
        Assert.Equal("0x" + new string('a', 64), result.Transaction);
        Assert.Equal("eip155:84532", result.Network);
        Assert.Equal(RailHarness.Payer.Address, result.Payer);
    }

    [Fact]
    public async Task An_unknown_outcome_is_transient()
    {
        var h = new RailHarness();
        h.Facilitator.OnSettle = _ => FacilitatorSettleResult.Unknown("no answer within 60 s", "fake");
        var quote = await h.QuoteAsync();

        var result = await h.Rail.SettleAsync(h.Pay(quote), quote, default);

        Assert.False(result.Success);
        Assert.True(result.IsTransient);
        Assert.Equal(ReasonCodes.UnexpectedSettleError, result.ErrorReason);
    }

    [Fact]
    public async Task A_definite_failure_is_final()
    {
        var h = new RailHarness();
        h.Facilitator.OnSettle = r => FacilitatorSettleResult.From("fake", new SettleResponse { Success = false, ErrorReason = ReasonCodes.InvalidExactEvmNonceAlreadyUsed, Network = r.PaymentRequirements.Network });
        var quote = await h.QuoteAsync();

        var result = await h.Rail.SettleAsync(h.Pay(quote), quote, default);

        Assert.False(result.Success);
        Assert.False(result.IsTransient);
        Assert.Equal(ReasonCodes.InvalidExactEvmNonceAlreadyUsed, result.ErrorReason);
    }
}
