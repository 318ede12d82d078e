using System.Text.Json.Nodes;
using DualRail.AspNetCore.Configuration;
using DualRail.AspNetCore.Paywall;
using DualRail.Money;
using DualRail.Networks;
using DualRail.Protocol;
using DualRail.Rails;
using Microsoft.Extensions.Options;

namespace DualRail.AspNetCore.Tests;

public sealed class PaywallTests
{
    private static readonly PaymentContext Context = new()
    {
        ResourceKey = "GET /api/demo",
        ResourceUrl = "http://127.0.0.1/api/demo",
        Description = "Demo <content>",
        Price = Price.Parse("$0.01"),
    };

    [Fact]
    public void ShowsBothRailsWithTheInvoiceAsAQrCodeAndEncodesEverything()
    {
        var renderer = new DefaultPaywallRenderer(Options.Create(new DualRailOptions()), new NetworkRegistry());
        var html = renderer.Render(new PaymentRequired
        {
            Resource = new ResourceInfo { Url = Context.ResourceUrl },
            Accepts =
            [
                new PaymentRequirements
                {
                    Scheme = "exact", Network = "eip155:84532", Amount = "10000", Asset = KnownNetworks.BaseSepolia.UsdcAddress,
                    PayTo = "0x209693Bc6afc0C5328bA36FaF03C514EF312287C", MaxTimeoutSeconds = 300,
                    Extra = new JsonObject { ["name"] = "USDC", ["version"] = "2" },
                },
                new PaymentRequirements
                {
                    Scheme = "exact", Network = KnownNetworks.BitcoinRegtest.Id.ToString(), Amount = "16667000", Asset = "BTC",
                    PayTo = "02abcdef", MaxTimeoutSeconds = 600,
                    Extra = new JsonObject { ["paymentMethod"] = "lightning", ["invoice"] = "lnbcrt166670n1pexample", ["paymentHash"] = 42 },
                },
            ],
        }, Context);

        Assert.Contains("$0.01", html);
        Assert.Contains("Demo &lt;content&gt;", html);
        Assert.DoesNotContain("<content>", html);
        Assert.Contains("USDC on Base Sepolia", html);
        Assert.Contains("0.01 USDC", html);
        Assert.Contains("0x209693Bc6afc0C5328bA36FaF03C514EF312287C", html);
        Assert.Contains("Bitcoin Lightning", html);
        Assert.Contains("16,667 sat", html);
        Assert.Contains("lnbcrt166670n1pexample", html);
        Assert.Contains("src=\"data:image/png;base64,", html);
    }

    [Fact]
    public void SaysSoWhenNoRailCanSell()
    {
        var renderer = new DefaultPaywallRenderer(Options.Create(new DualRailOptions()), new NetworkRegistry());
        var html = renderer.Render(new PaymentRequired { Resource = new ResourceInfo { Url = Context.ResourceUrl }, Accepts = [] }, Context);
        Assert.Contains("No payment method is available", html);
    }
}
