using DualRail.Facilitator.Relayer;

namespace DualRail.Facilitator.Chains;

/// <summary>
/// One configured chain: its CAIP-2 id, chain id, RPC client, and what settlements there share: the
/// relayer's nonces, the fee lookup and the receipt watcher.
/// </summary>
internal sealed class ChainContext(string network, long chainId, IEvmChainClient client, RelayerNonceManager nonces, FeeCache fees, ReceiptWatcher receipts, int gasBufferPercent)
{
    public string Network { get; } = network;

    public long ChainId { get; } = chainId;

    public IEvmChainClient Client { get; } = client;

    public RelayerNonceManager Nonces { get; } = nonces;

    public FeeCache Fees { get; } = fees;

    public ReceiptWatcher Receipts { get; } = receipts;

    public int GasBufferPercent { get; } = gasBufferPercent;
}
