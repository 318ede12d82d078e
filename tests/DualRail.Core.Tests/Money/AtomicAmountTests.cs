using System.Numerics;
using DualRail.Money;

namespace DualRail.Core.Tests.Money;

public sealed class AtomicAmountTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("10000")]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007913129639935")]
    public void ParsesCanonicalIntegers(string text)
    {
        Assert.True(AtomicAmount.TryParse(text, out var amount, out var error), error);
        Assert.Equal(BigInteger.Parse(text), amount.Value);
        Assert.Equal(text, amount.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1.5")]
    [InlineData("1e6")]
    [InlineData("007")]
    [InlineData(" 1")]
    [InlineData("0x10")]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007913129639936")]
    [InlineData("9999999999999999999999999999999999999999999999999999999999999999999999999999999")]
    public void RefusesEverythingElse(string text)
    {
        Assert.False(AtomicAmount.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
