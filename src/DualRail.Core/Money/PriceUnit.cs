namespace DualRail.Money;

/// <summary>What a configured price is written in.</summary>
public enum PriceUnit
{
    /// <summary>US dollars ("$0.01", "0.01 USD", "0.01 USDC").</summary>
    Usd,

    /// <summary>Satoshis ("1500 sat", "1500 sats").</summary>
    Sat,

    /// <summary>Millisatoshis ("1500000 msat").</summary>
    Msat,

    /// <summary>Bitcoin ("0.00001 BTC").</summary>
    Btc,
}
