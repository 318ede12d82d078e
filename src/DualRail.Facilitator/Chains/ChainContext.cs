using DualRail.Facilitator.Relayer;

namespace DualRail.Facilitator.Chains;

/// <summary>One configured chain: its CAIP-2 id, chain id, RPC client and the relayer's nonces there.</summary>
internal sealed class ChainContext(string network, long chainId, IEvmChainClient client, RelayerNonceManager nonces, int gasBufferPercent)
{
    public string Network { get; } = network;

    public long ChainId { get; } = chainId;

    public IEvmChainClient Client { get; } = client;

    public RelayerNonceManager Nonces { get; } = nonces;

    public int GasBufferPercent { get; } = gasBufferPercent;
}
