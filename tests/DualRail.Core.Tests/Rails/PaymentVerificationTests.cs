using DualRail.Rails;

namespace DualRail.Core.Tests.Rails;

public sealed class PaymentVerificationTests
{
    [Fact]
    public void AFinalVerificationIsValidAndCarriesItsSettlement()
    {
        var settlement = PaymentSettlement.Succeeded("bip122:regtest", "abcd", payer: "node");
        var verification = PaymentVerification.Final("ln:abcd", "bip122:regtest", settlement);

        Assert.True(verification.IsValid);
        Assert.Same(settlement, verification.FinalSettlement);
        Assert.Equal(("ln:abcd", "bip122:regtest", "node"), (verification.SingleUseKey, verification.Network, verification.Payer));
        Assert.Null(PaymentVerification.Valid("ln:abcd", "bip122:regtest").FinalSettlement);
    }

    [Fact]
    public void AFailedSettlementCannotBeFinal()
    {
        var failed = PaymentSettlement.Failed("bip122:regtest", "invalid_lightning_invoice_not_settled");
        Assert.Throws<ArgumentException>(() => PaymentVerification.Final("ln:abcd", "bip122:regtest", failed));
        Assert.Throws<ArgumentException>(() => PaymentVerification.Final("", "bip122:regtest", PaymentSettlement.Succeeded("bip122:regtest", "abcd")));
    }
}
