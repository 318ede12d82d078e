namespace DualRail.Lightning.Bolt11;

/// <summary>The chain an invoice is payable on, named by its human-readable prefix.</summary>
public enum Bolt11Network
{
    /// <summary><c>lnbc</c></summary>
    Mainnet,

    /// <summary><c>lntb</c></summary>
    Testnet,

    /// <summary><c>lntbs</c></summary>
    Signet,

    /// <summary><c>lnbcrt</c></summary>
    Regtest,

    /// <summary><c>lnsb</c> (lnd's simnet)</summary>
    Simnet,
}
