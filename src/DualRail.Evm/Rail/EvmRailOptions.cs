namespace DualRail.Evm.Rail;

/// <summary>
/// What the EVM rail sells, bound from <c>DualRail:Evm</c> (the facilitators are bound from the same
/// section by <see cref="Facilitators.FacilitatorClientOptions"/>). Token defaults come from the
/// network registry (USDC on known chains).
/// </summary>
public sealed class EvmRailOptions
{
    public const string SectionName = "DualRail:Evm";

    /// <summary>CAIP-2 id of the chain, e.g. <c>eip155:84532</c> (Base Sepolia) or <c>eip155:8453</c> (Base).</summary>
    public string Network { get; set; } = "";

    /// <summary>The EIP-3009 token's address; defaults to the registry's USDC on <see cref="Network"/>.</summary>
    public string? Asset { get; set; }

    /// <summary>The merchant's address: where payments go.</summary>
    public string PayTo { get; set; } = "";

    /// <summary>The token's EIP-712 domain name (USDC: "USDC" on testnets, "USD Coin" on mainnets); defaults from the registry.</summary>
    public string? TokenName { get; set; }

    /// <summary>The token's EIP-712 domain version ("2" for USDC); defaults from the registry.</summary>
    public string? TokenVersion { get; set; }

    /// <summary>The token's decimals (USDC: 6); defaults from the registry.</summary>
    public int? Decimals { get; set; }

    /// <summary>Seconds a client has to use its authorization; null: the route's value (300 by default).</summary>
    public int? MaxTimeoutSeconds { get; set; }

    /// <summary>
    /// Off (default): a signature must recover to <c>authorization.from</c> locally, so only EOA payers
    /// pass the pre-check. On: a signature that does not (a contract wallet, ERC-1271) is left to the
    /// facilitator to judge.
    /// </summary>
    public bool AcceptContractWalletSignatures { get; set; }
}
