using System.Security.Cryptography;
using DualRail.Evm;
using DualRail.Facilitator.Chains;
using DualRail.Facilitator.Tests.Support;
using DualRail.Facilitator.Verification;

namespace DualRail.Facilitator.Tests;

/// <summary>"This address has code" is asked once; "no code" is asked again every time.</summary>
public sealed class DeployedCodeCacheTests
{
    private static readonly EvmAddress Token = RandomAddress();

    [Fact]
    public async Task Code_once_found_is_not_asked_for_again()
    {
        var client = new CountingCodeChainClient();
        client.Code[Token] = [0x60, 0x80];
        var chain = Chain(client, 84532);
        var cache = new DeployedCodeCache();

        Assert.True(await cache.HasCodeAsync(chain, Token, CancellationToken.None));
        Assert.True(await cache.HasCodeAsync(chain, Token, CancellationToken.None));
        Assert.True(await cache.HasCodeAsync(chain, Token, CancellationToken.None));

        Assert.Equal(1, client.GetCodeCalls);
    }

    [Fact]
    public async Task No_code_is_asked_again_so_a_later_deployment_counts()
    {
        var client = new CountingCodeChainClient();
        var chain = Chain(client, 84532);
        var cache = new DeployedCodeCache();

        Assert.False(await cache.HasCodeAsync(chain, Token, CancellationToken.None));
        Assert.False(await cache.HasCodeAsync(chain, Token, CancellationToken.None));
        client.Code[Token] = [0x60, 0x80];
        Assert.True(await cache.HasCodeAsync(chain, Token, CancellationToken.None));

        Assert.Equal(3, client.GetCodeCalls);
    }

    [Fact]
    public async Task The_same_address_on_another_chain_is_asked_separately()
    {
        var withCode = new CountingCodeChainClient();
        withCode.Code[Token] = [0x60, 0x80];
        var withoutCode = new CountingCodeChainClient();
        var cache = new DeployedCodeCache();

        Assert.True(await cache.HasCodeAsync(Chain(withCode, 84532), Token, CancellationToken.None));
        Assert.False(await cache.HasCodeAsync(Chain(withoutCode, 8453), Token, CancellationToken.None));

        Assert.Equal(1, withoutCode.GetCodeCalls);
    }

    private static ChainContext Chain(IEvmChainClient client, long chainId) => TestChains.Context(client, chainId);

    private static EvmAddress RandomAddress() => new(RandomNumberGenerator.GetBytes(20));
}
