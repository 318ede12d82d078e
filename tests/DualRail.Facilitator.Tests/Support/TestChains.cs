using System.Security.Cryptography;
using DualRail.Evm;
using DualRail.Facilitator.Chains;
using DualRail.Facilitator.Relayer;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualRail.Facilitator.Tests.Support;

/// <summary>A <see cref="ChainContext"/> around a fake client, for unit tests of what uses one.</summary>
internal static class TestChains
{
    public static ChainContext Context(IEvmChainClient client, long chainId)
    {
        var network = $"eip155:{chainId}";
        var nonces = new RelayerNonceManager(client, new EvmAddress(RandomNumberGenerator.GetBytes(20)), network, new InMemorySettlementStore(), NullLogger.Instance);
        var receipts = new ReceiptWatcher(client, network, TimeSpan.FromMilliseconds(50), TimeProvider.System, NullLogger.Instance);
        return new ChainContext(network, chainId, client, nonces, new FeeCache(client, TimeProvider.System), receipts, gasBufferPercent: 20);
    }
}
