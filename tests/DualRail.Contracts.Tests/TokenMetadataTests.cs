using DualRail.TestSupport;

namespace DualRail.Contracts.Tests;

/// <summary>Name, version and the EIP-712 domain, in both deployment modes.</summary>
public sealed class TokenMetadataTests(AnvilFixture fixture) : TokenTestBase(fixture), IClassFixture<AnvilFixture>
{
    // On-chain DOMAIN_SEPARATOR() of USDC on Base Sepolia (reference/evm.md §3).
    private const string BaseSepoliaUsdcDomainSeparator = "0x71f17a3b2ff373b803d70a5a07c046c1a2bc8e89c09ef722fcb047abe94c9818";

    // On-chain DOMAIN_SEPARATOR() of USDC on Base mainnet ("USD Coin", "2", 8453, 0x8335…2913).
    private const string BaseUsdcDomainSeparator = "0x02fa7265e7c5d81118673727957699e4d68f74cd74b7db77da710fe8a2c7834f";

    [Fact]
    public async Task Installed_at_the_Base_Sepolia_address_it_has_USDCs_metadata_and_domain_separator()
    {
        Assert.Equal("USDC", await CallStringAsync(Token, "name()"));
        Assert.Equal("2", await CallStringAsync(Token, "version()"));
        Assert.Equal("USDC", await CallStringAsync(Token, "symbol()"));
        Assert.Equal(6, (int)await CallUintAsync(Token, "decimals()"));
        Assert.Equal(BaseSepoliaUsdcDomainSeparator, await Anvil.Rpc.EthCallAsync(Token, TestAbi.Call(TokenAbi.Selector("DOMAIN_SEPARATOR()"))));
    }

    [Fact]
    public async Task Installed_code_starts_with_empty_storage_and_mints()
    {
        var holder = "0x" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
        var supplyBefore = await CallUintAsync(Token, "totalSupply()");
        Assert.Equal(0, (int)await Anvil.BalanceOfAsync(Token, holder));

        await Anvil.MintAsync(Token, holder, 123);

        Assert.Equal(123, (int)await Anvil.BalanceOfAsync(Token, holder));
        Assert.Equal(supplyBefore + 123, await CallUintAsync(Token, "totalSupply()"));
    }

    [Fact]
    public async Task Name_and_version_come_from_the_constructor()
    {
        var token = await Anvil.DeployTokenAsync("Dual Rail Dollar", "7", "DRD");

        Assert.Equal("Dual Rail Dollar", await CallStringAsync(token, "name()"));
        Assert.Equal("7", await CallStringAsync(token, "version()"));
        Assert.Equal("DRD", await CallStringAsync(token, "symbol()"));
    }

    [Fact]
    public async Task Domain_separator_follows_the_chain_and_address_it_runs_at()
    {
        await using var baseChain = await AnvilProcess.StartAsync(new AnvilOptions { ChainId = 8453 });
        var token = await baseChain.InstallTokenAtAsync("0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913", "USD Coin", "2");

        Assert.Equal(BaseUsdcDomainSeparator, await baseChain.Rpc.EthCallAsync(token, TestAbi.Call(TokenAbi.Selector("DOMAIN_SEPARATOR()"))));
    }

    [Fact]
    public async Task Mint_rejects_the_zero_address_and_zero_amounts()
    {
        var mint = TokenAbi.Selector("mint(address,uint256)");

        Assert.Equal("FiatToken: mint to the zero address", await RevertReasonAsync(DevAccounts.Account0, TestAbi.Call(mint, TestAbi.Address("0x0000000000000000000000000000000000000000"), TestAbi.Uint(1))));
        Assert.Equal("FiatToken: mint amount not greater than 0", await RevertReasonAsync(DevAccounts.Account0, TestAbi.Call(mint, TestAbi.Address(DevAccounts.Account5.Address), TestAbi.Uint(0))));
    }
}
