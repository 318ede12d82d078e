namespace DualRail.Networks;

/// <summary>An EVM chain DualRail can sell on, with its USDC deployment and EIP-712 domain.</summary>
public sealed record EvmNetwork
{
    public required NetworkId Id { get; init; }

    public required string DisplayName { get; init; }

    public required long ChainId { get; init; }

    /// <summary>The x402 v1 name (<c>base-sepolia</c>), or null when v1 never named the chain.</summary>
    public string? V1Name { get; init; }

    public required string UsdcAddress { get; init; }

    /// <summary>EIP-712 domain name of the token (<c>USDC</c> or <c>USD Coin</c>).</summary>
    public required string UsdcName { get; init; }

    /// <summary>EIP-712 domain version of the token.</summary>
    public string UsdcVersion { get; init; } = "2";

    public int UsdcDecimals { get; init; } = 6;

    public bool IsTestnet { get; init; }
}
