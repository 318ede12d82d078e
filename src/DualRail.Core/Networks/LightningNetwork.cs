namespace DualRail.Networks;

/// <summary>A Bitcoin network for the Lightning rail: its bip122 id and BOLT11 prefix.</summary>
public sealed record LightningNetwork
{
    public required NetworkId Id { get; init; }

    /// <summary>mainnet, testnet, signet or regtest.</summary>
    public required string Name { get; init; }

    /// <summary>The BOLT11 human-readable prefix before the amount: lnbc, lntb, lntbs, lnbcrt.</summary>
    public required string Bolt11Prefix { get; init; }

    public bool IsTestnet { get; init; }
}
