using System.Text.Json.Nodes;
using DualRail.Money;
using DualRail.Protocol;

namespace DualRail.Evm.Tests.Rail;

public sealed class EvmRailQuoteTests
{
    [Fact]
    public async Task Quotes_usdc_on_base_sepolia_from_the_registry()
    {
        var quote = await new RailHarness().QuoteAsync("$0.01");

        Assert.Equal("exact", quote.Scheme);
        Assert.Equal("eip155:84532", quote.Network);
        Assert.Equal("10000", quote.Amount);
        Assert.Equal("0x036CbD53842c5426634e7929541eC2318f3dCF7e", quote.Asset);
        Assert.Equal(RailHarness.Merchant.Address, quote.PayTo);
        Assert.Equal(300, quote.MaxTimeoutSeconds);
        Assert.Equal("USDC", (string)quote.Extra!["name"]!);
        Assert.Equal("2", (string)quote.Extra["version"]!);
    }

    [Fact]
    public async Task Configured_token_and_timeout_override_the_defaults()
    {
        var h = new RailHarness(o =>
        {
            o.Network = "eip155:8453";
            o.TokenName = "Other";
            o.TokenVersion = "7";
            o.Decimals = 2;
            o.MaxTimeoutSeconds = 60;
            o.Asset = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
        });

        var quote = await h.QuoteAsync("$1.25");

        Assert.Equal("eip155:8453", quote.Network);
        Assert.Equal("125", quote.Amount);
        Assert.Equal(60, quote.MaxTimeoutSeconds);
        Assert.Equal("0x5FbDB2315678afecb367f032d93F642f64180aa3", quote.Asset);
        Assert.Equal("Other", (string)quote.Extra!["name"]!);
    }

    [Fact]
    public async Task A_bitcoin_price_is_converted_at_the_exchange_rate_and_rounded_up()
    {
        var h = new RailHarness(rates: new FixedRate(100_000m));

        // 1500 sat at $100,000/BTC = $1.5 = 1,500,000 micro-USDC; 1 sat = $0.001 = 1000.
        Assert.Equal("1500000", (await h.QuoteAsync("1500 sat")).Amount);
        Assert.Equal("1", (await h.QuoteAsync("1 msat")).Amount); // $0.0000001 rounds up to 1 micro-USDC
    }

    [Fact]
    public async Task Without_an_exchange_rate_a_bitcoin_price_is_not_sold()
    {
        var h = new RailHarness(rates: new FixedRate(null));

        Assert.Empty(await h.Rail.QuoteAsync(RailHarness.Context("1500 sat"), default));
        Assert.Single(await h.Rail.QuoteAsync(RailHarness.Context("$0.01"), default));
    }

    [Fact]
    public async Task Matches_accepted_by_deep_equality_only()
    {
        var h = new RailHarness();
        var quote = await h.QuoteAsync();
        var context = RailHarness.Context();

        Assert.NotNull(await h.Rail.MatchAsync(h.Pay(quote), context, default));
        foreach (var altered in new[]
        {
            quote with { Amount = "9999" },
            quote with { PayTo = RailHarness.Payer.Address },
            quote with { Asset = "0x5FbDB2315678afecb367f032d93F642f64180aa3" },
            quote with { MaxTimeoutSeconds = 301 },
            quote with { Extra = new JsonObject { ["name"] = "USD Coin", ["version"] = "2" } },
            quote with { Extra = new JsonObject { ["name"] = "USDC", ["version"] = "2", ["more"] = 1 } },
        })
        {
            Assert.Null(await h.Rail.MatchAsync(h.Pay(altered), context, default));
        }

        // Same price, different route price: no match either.
        Assert.Null(await h.Rail.MatchAsync(h.Pay(quote), RailHarness.Context("$0.02"), default));
    }

    [Fact]
    public async Task Handles_only_exact_on_its_own_network()
    {
        var h = new RailHarness();
        var quote = await h.QuoteAsync();

        Assert.True(h.Rail.CanHandle(h.Pay(quote)));
        Assert.False(h.Rail.CanHandle(h.Pay(quote with { Network = "eip155:8453" })));
        Assert.False(h.Rail.CanHandle(h.Pay(quote with { Scheme = "upto" })));
        Assert.True(h.Rail.CanHandle(new PaymentPayload { X402Version = 1, Scheme = "exact", Network = "base-sepolia", Payload = [] }));
        Assert.False(h.Rail.CanHandle(new PaymentPayload { X402Version = 1, Scheme = "exact", Network = "base", Payload = [] }));
    }

    [Fact]
    public void Availability_follows_the_facilitators()
    {
        var h = new RailHarness();
        Assert.True(h.Rail.IsAvailable);
        h.Facilitator.Available = false;
        Assert.False(h.Rail.IsAvailable);
    }

    private sealed class FixedRate(decimal? usdPerBtc) : IExchangeRateProvider
    {
        public ValueTask<decimal> GetUsdPerBtcAsync(CancellationToken cancellationToken) =>
            usdPerBtc is { } rate ? ValueTask.FromResult(rate) : throw new InvalidOperationException("no rate");
    }
}
