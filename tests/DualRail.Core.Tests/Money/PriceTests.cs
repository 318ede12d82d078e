using System.Numerics;
using DualRail.Money;

namespace DualRail.Core.Tests.Money;

public sealed class PriceTests
{
    [Theory]
    [InlineData("$0.01", "0.01", PriceUnit.Usd)]
    [InlineData("0.01 USD", "0.01", PriceUnit.Usd)]
    [InlineData("0.01 USDC", "0.01", PriceUnit.Usd)]
    [InlineData("1500 sat", "1500", PriceUnit.Sat)]
    [InlineData("1500 sats", "1500", PriceUnit.Sat)]
    [InlineData("1500000 msat", "1500000", PriceUnit.Msat)]
    [InlineData("0.00001 BTC", "0.00001", PriceUnit.Btc)]
    public void ParsesOperatorPrices(string text, string value, PriceUnit unit)
    {
        Assert.True(Price.TryParse(text, out var price, out var error), error);
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), price.Value);
        Assert.Equal(unit, price.Unit);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0.01")]
    [InlineData("$-1")]
    [InlineData("$0")]
    [InlineData("1.5 sat")]
    [InlineData("1,5 USD")]
    [InlineData("ten USD")]
    [InlineData("1 EUR")]
    [InlineData("1e3 sat")]
    public void RefusesInvalidPrices(string text)
    {
        Assert.False(Price.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void ConvertsToAtomicUnitsExactlyOrRefuses()
    {
        Assert.Equal(new BigInteger(10_000), Price.Parse("$0.01").ToAtomic(6));
        Assert.Equal(new BigInteger(1_230_000), Price.Parse("1.23 USDC").ToAtomic(6));
        Assert.False(Price.Parse("$0.0000001").TryToAtomic(6, out _));
        Assert.Throws<ArgumentException>(() => Price.Parse("$0.0000001").ToAtomic(6));
    }

    [Fact]
    public void ConvertsBetweenUsdAndBitcoinRoundingUp()
    {
        Assert.Equal(1_500_000, Price.Parse("1500 sat").ToMillisatoshis());
        Assert.Equal(1_000_000, Price.Parse("0.00001 BTC").ToMillisatoshis());
        // $0.01 at 60,000 USD/BTC = 16,666.67 msat -> 16,667
        Assert.Equal(16_667, Price.Parse("$0.01").ToMillisatoshis(60_000m));
        Assert.Throws<InvalidOperationException>(() => Price.Parse("$0.01").ToMillisatoshis());
        // 1000 sat at 60,000 USD/BTC = $0.60 = 600000 USDC units
        Assert.Equal(new BigInteger(600_000), Price.Parse("1000 sat").ToUsdAtomic(6, 60_000m));
        // 1 sat at 33,333 USD/BTC = $0.00033333 -> 334 units
        Assert.Equal(new BigInteger(334), Price.Parse("1 sat").ToUsdAtomic(6, 33_333m));
    }
}
