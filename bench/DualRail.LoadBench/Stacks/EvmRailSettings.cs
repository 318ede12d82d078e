namespace DualRail.LoadBench.Stacks;

/// <summary>What the server's EVM rail needs: the chain, the merchant and the facilitator.</summary>
internal sealed record EvmRailSettings(string Network, string PayTo, string FacilitatorUrl);
