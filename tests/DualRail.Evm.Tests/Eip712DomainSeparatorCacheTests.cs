using DualRail.Evm.Eip712;

namespace DualRail.Evm.Tests;

/// <summary>The domain separator is computed once per instance, and a <c>with</c> copy never reuses the original's.</summary>
public sealed class Eip712DomainSeparatorCacheTests
{
    // Separators published by the chains (the same values Eip712EncoderTests pins).
    private const string BaseSepoliaUsdc = "71f17a3b2ff373b803d70a5a07c046c1a2bc8e89c09ef722fcb047abe94c9818";
    private const string BaseUsdc = "02fa7265e7c5d81118673727957699e4d68f74cd74b7db77da710fe8a2c7834f";

    private static readonly Eip712Domain BaseSepolia =
        Eip712Domain.ForToken("USDC", "2", 84532, EvmAddress.Parse("0x036CbD53842c5426634e7929541eC2318f3dCF7e"));

    [Fact]
    public void A_copy_made_with_with_computes_its_own_separator()
    {
        var original = BaseSepolia with { };
        Assert.Equal(BaseSepoliaUsdc, Convert.ToHexStringLower(original.Separator()));

        var mainnet = original with { Name = "USD Coin", ChainId = 8453, VerifyingContract = EvmAddress.Parse("0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913") };

        Assert.Equal(BaseUsdc, Convert.ToHexStringLower(mainnet.Separator()));
        Assert.Equal(BaseSepoliaUsdc, Convert.ToHexStringLower(original.Separator()));
    }

    [Fact]
    public void Changing_the_returned_separator_does_not_change_the_domain()
    {
        var domain = BaseSepolia with { };
        var structHash = new byte[32];
        var digest = domain.Digest(structHash);

        domain.Separator().AsSpan().Clear();

        Assert.Equal(BaseSepoliaUsdc, Convert.ToHexStringLower(domain.Separator()));
        Assert.Equal(digest, domain.Digest(structHash));
    }

    [Fact]
    public void The_digest_uses_the_separator_of_the_copy()
    {
        var original = BaseSepolia with { };
        var structHash = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var before = original.Digest(structHash);

        var otherChain = original with { ChainId = 1 };

        Assert.NotEqual(before, otherChain.Digest(structHash));
        Assert.Equal(Eip712Digest.Compute(Eip712Domain.ForToken("USDC", "2", 1, original.VerifyingContract!.Value).Separator(), structHash), otherChain.Digest(structHash));
    }
}
