namespace DualRail.Client.Policy;

/// <summary>
/// Limits checked before any payment. Amounts are prices as in <see cref="DualRail.Money.Price"/>:
/// "$0.05", "0.05 USDC", "2000 sat", "0.0001 BTC". A limit applies to offers in its own unit (USD
/// for stablecoins, bitcoin for Lightning); once any limit is set, an offer in a unit with no limit is
/// refused. Empty allow-lists allow everything.
/// </summary>
public sealed class SpendPolicyOptions
{
    /// <summary>Largest single payment, at most one per unit.</summary>
    public IList<string> MaxPerRequest { get; } = [];

    /// <summary>Largest total paid through this client since it was created, at most one per unit.</summary>
    public IList<string> MaxPerSession { get; } = [];

    /// <summary>CAIP-2 networks that may be paid on (e.g. <c>eip155:84532</c>).</summary>
    public IList<string> AllowedNetworks { get; } = [];

    /// <summary>Assets that may be paid (token addresses, or <c>BTC</c>).</summary>
    public IList<string> AllowedAssets { get; } = [];

    /// <summary>Payees that may be paid (<c>payTo</c>: addresses or node public keys).</summary>
    public IList<string> AllowedPayees { get; } = [];
}
