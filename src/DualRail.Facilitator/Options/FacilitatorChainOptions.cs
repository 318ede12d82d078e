namespace DualRail.Facilitator.Options;

/// <summary>One EVM chain the facilitator serves.</summary>
public sealed class FacilitatorChainOptions
{
    /// <summary>CAIP-2 id, e.g. <c>eip155:84532</c>.</summary>
    public string Network { get; set; } = "";

    /// <summary>JSON-RPC endpoint of a node of that chain.</summary>
    public string RpcUrl { get; set; } = "";

    /// <summary>Optional: must equal the network's reference when given (a guard against copy-paste errors).</summary>
    public long? ChainId { get; set; }

    /// <summary>Gas limit headroom over eth_estimateGas, in percent.</summary>
    public int GasBufferPercent { get; set; } = 25;
}
