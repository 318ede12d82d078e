using DualRail.Lightning.Bolt11;

namespace DualRail.Lightning.Tests.Bolt11;

public sealed class Bolt11AmountTests
{
    [Theory]
    [InlineData("1", 100_000_000_000)]
    [InlineData("20m", 2_000_000_000)]
    [InlineData("2500u", 250_000_000)]
    [InlineData("10n", 1_000)]
    [InlineData("10p", 1)]
    [InlineData("9678785340p", 967_878_534)]
    [InlineData("2500000u", 250_000_000_000)] // a non-largest multiplier is still accepted
    public void Parses_millisatoshis(string text, long msat) => Assert.Equal(msat, Bolt11Amount.ParseMillisatoshis(text));

    [Fact]
    public void No_amount_means_any_amount() => Assert.Null(Bolt11Amount.ParseMillisatoshis(string.Empty));

    [Theory]
    [InlineData(100_000_000_000, "1")]
    [InlineData(2_000_000_000, "20m")]
    [InlineData(250_000_000, "2500u")]
    [InlineData(1_000, "10n")]
    [InlineData(1, "10p")]
    [InlineData(967_878_534, "9678785340p")]
    public void Formats_the_shortest_form(long msat, string text) => Assert.Equal(text, Bolt11Amount.Format(msat));
}
