using DualRail.Client.Policy;
using DualRail.Protocol;

namespace DualRail.Client.Tests.Policy;

public sealed class SpendPolicyTests
{
    internal static PaymentRequirements Usdc(string amount, string payTo = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC") => new()
    {
        Scheme = "exact",
        Network = "eip155:84532",
        Amount = amount,
        Asset = "0x036CbD53842c5426634e7929541eC2318f3dCF7e",
        PayTo = payTo,
        MaxTimeoutSeconds = 60,
    };

    internal static PaymentRequirements Msat(string amount) => new()
    {
        Scheme = "exact",
        Network = "bip122:0f9188f13cb7b2c71f2a335e3a4fc328",
        Amount = amount,
        Asset = "BTC",
        PayTo = "02aa",
        MaxTimeoutSeconds = 600,
    };

    private static SpendPolicy Policy(Action<SpendPolicyOptions> configure)
    {
        var options = new SpendPolicyOptions();
        configure(options);
        return new SpendPolicy(options);
    }

    [Fact]
    public void Without_limits_everything_is_allowed()
    {
        Assert.Null(new SpendPolicy(new SpendPolicyOptions()).Check(Usdc("1000000000")));
    }

    [Fact]
    public void Max_per_request_is_inclusive_and_in_the_offers_unit()
    {
        var policy = Policy(o => { o.MaxPerRequest.Add("$0.01"); o.MaxPerRequest.Add("2000 sat"); });

        Assert.Null(policy.Check(Usdc("10000")));
        Assert.Contains("exceeds the limit per request", policy.Check(Usdc("10001")));
        Assert.Null(policy.Check(Msat("2000000")));
        Assert.Contains("exceeds the limit per request", policy.Check(Msat("2000001")));
    }

    [Fact]
    public void An_offer_in_a_unit_without_a_limit_is_refused_once_limits_are_set()
    {
        var policy = Policy(o => o.MaxPerRequest.Add("$1"));

        Assert.Contains("no spending limit is set for bitcoin", policy.Check(Msat("1000")));
    }

    [Fact]
    public void Session_limit_counts_reservations_and_releases()
    {
        var policy = Policy(o => o.MaxPerSession.Add("$0.03"));

        Assert.True(policy.TryReserve(Usdc("20000"), out _));
        Assert.False(policy.TryReserve(Usdc("20000"), out var refusal));
        Assert.Contains("over its limit", refusal);
        policy.Release(Usdc("20000"));
        Assert.True(policy.TryReserve(Usdc("20000"), out _));
    }

    [Fact]
    public void Allow_lists_refuse_other_networks_assets_and_payees()
    {
        Assert.Contains("network", Policy(o => o.AllowedNetworks.Add("eip155:8453")).Check(Usdc("1")));
        Assert.Contains("asset", Policy(o => o.AllowedAssets.Add("BTC")).Check(Usdc("1")));
        Assert.Contains("payee", Policy(o => o.AllowedPayees.Add("0x0000000000000000000000000000000000000001")).Check(Usdc("1")));
        Assert.Null(Policy(o => o.AllowedPayees.Add("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc")).Check(Usdc("1")));
    }

    [Fact]
    public void A_limit_that_is_not_a_price_is_rejected_at_construction()
    {
        Assert.Throws<ArgumentException>(() => Policy(o => o.MaxPerRequest.Add("lots")));
    }
}
