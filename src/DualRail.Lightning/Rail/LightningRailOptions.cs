namespace DualRail.Lightning.Rail;

/// <summary>The Lightning rail's settings, bound from <c>DualRail:Lightning</c> and validated on start.</summary>
public sealed class LightningRailOptions
{
    public const string SectionName = "DualRail:Lightning";

    /// <summary>The Bitcoin network the LND node runs on: mainnet, testnet, signet or regtest (or its bip122 id).</summary>
    public string Network { get; set; } = "";

    /// <summary>
    /// How many settled invoices the rail keeps in memory (until their expiry), so a paid request reads its invoice
    /// from the ledger once. 0 turns the cache off.
    /// </summary>
    public int SettledInvoiceCacheSize { get; set; } = 10_000;
}
