namespace DualRail.Lightning.Rail;

/// <summary>The Lightning rail's settings, bound from <c>DualRail:Lightning</c> and validated on start.</summary>
public sealed class LightningRailOptions
{
    public const string SectionName = "DualRail:Lightning";

    /// <summary>The Bitcoin network the LND node runs on: mainnet, testnet, signet or regtest (or its bip122 id).</summary>
    public string Network { get; set; } = "";
}
