using DualRail.Networks;

namespace DualRail.Core.Tests.Networks;

public sealed class NetworksTests
{
    [Theory]
    [InlineData("eip155:84532", "eip155", "84532")]
    [InlineData("bip122:0f9188f13cb7b2c71f2a335e3a4fc328", "bip122", "0f9188f13cb7b2c71f2a335e3a4fc328")]
    [InlineData("solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp", "solana", "5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp")]
    public void ParsesCaip2(string text, string ns, string reference)
    {
        Assert.True(NetworkId.TryParse(text, out var id));
        Assert.Equal(ns, id.Namespace);
        Assert.Equal(reference, id.Reference);
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData("base-sepolia")]
    [InlineData("eip155:")]
    [InlineData("EIP155:1")]
    [InlineData("ab:1")]
    [InlineData("eip155:1:2")]
    [InlineData("eip155:123456789012345678901234567890123")]
    public void RefusesNonCaip2(string text) => Assert.False(NetworkId.TryParse(text, out _));

    [Fact]
    public void MapsV1NamesBothWays()
    {
        Assert.Equal(NetworkId.Parse("eip155:84532"), KnownNetworks.FromV1Name("base-sepolia"));
        Assert.Equal(NetworkId.Parse("eip155:8453"), KnownNetworks.FromV1Name("base"));
        Assert.Equal("avalanche-fuji", KnownNetworks.ToV1Name(NetworkId.Parse("eip155:43113")));
        Assert.Null(KnownNetworks.ToV1Name(KnownNetworks.BitcoinRegtest.Id));
        Assert.Null(KnownNetworks.FromV1Name("no-such-chain"));
    }

    [Fact]
    public void KnowsUsdcDomainsAndBitcoinNetworks()
    {
        var baseSepolia = KnownNetworks.FindEvm(NetworkId.Evm(84532))!;
        Assert.Equal("0x036CbD53842c5426634e7929541eC2318f3dCF7e", baseSepolia.UsdcAddress);
        Assert.Equal("USDC", baseSepolia.UsdcName);
        Assert.Equal("USD Coin", KnownNetworks.FindEvm(NetworkId.Evm(8453))!.UsdcName);
        Assert.Equal(84532, NetworkId.Parse("eip155:84532").EvmChainId);

        Assert.Equal("lnbcrt", KnownNetworks.FindLightning(NetworkId.Parse("bip122:0f9188f13cb7b2c71f2a335e3a4fc328"))!.Bolt11Prefix);
        Assert.Equal("lntbs", KnownNetworks.FindLightningByName("signet")!.Bolt11Prefix);
        Assert.Equal("lnbc", KnownNetworks.BitcoinMainnet.Bolt11Prefix);
        Assert.Equal("bip122:000000000933ea01ad0ee984209779ba", KnownNetworks.BitcoinTestnet.Id.ToString());
    }

    [Fact]
    public void RegistryAcceptsOperatorChains()
    {
        var registry = new NetworkRegistry().AddEvm(new EvmNetwork
        {
            Id = NetworkId.Evm(31337), ChainId = 31337, DisplayName = "Anvil", UsdcAddress = "0x5FbDB2315678afecb367f032d93F642f64180aa3", UsdcName = "USDC",
        });
        Assert.True(registry.TryGetEvm(NetworkId.Evm(31337), out var anvil));
        Assert.Equal("Anvil", anvil.DisplayName);
        Assert.Equal(NetworkId.Evm(84532), registry.Resolve("base-sepolia"));
    }
}
