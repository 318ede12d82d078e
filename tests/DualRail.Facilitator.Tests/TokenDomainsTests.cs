using DualRail.Evm;
using DualRail.Facilitator.Verification;

namespace DualRail.Facilitator.Tests;

/// <summary>One domain instance per token (its separator hashed once), and a bound on what request data can make it remember.</summary>
public sealed class TokenDomainsTests
{
    private static readonly EvmAddress Token = EvmAddress.Parse("0x036CbD53842c5426634e7929541eC2318f3dCF7e");

    [Fact]
    public void The_same_token_gets_the_same_instance()
    {
        var domains = new TokenDomains();

        Assert.Same(domains.Get("USDC", "2", 84532, Token), domains.Get("USDC", "2", 84532, Token));
        Assert.NotSame(domains.Get("USDC", "2", 84532, Token), domains.Get("USDC", "2", 8453, Token));
    }

    [Fact]
    public void Past_the_bound_domains_are_built_afresh_and_still_right()
    {
        var domains = new TokenDomains();
        for (var i = 0; i < TokenDomains.MaxEntries + 50; i++)
            domains.Get($"name {i}", "2", 84532, Token);

        var late = domains.Get("late", "7", 84532, Token);

        Assert.Equal(TokenDomains.MaxEntries, domains.Count);
        Assert.Equal(("late", "7"), (late.Name, late.Version));
        Assert.Equal(84532, late.ChainId);
        Assert.Equal(Token, late.VerifyingContract);
    }
}
