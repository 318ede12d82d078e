using DualRail.Client.Evm;
using DualRail.Client.Lightning;
using DualRail.Client.Payers;
using DualRail.Client.Policy;

namespace DualRail.Client;

/// <summary>How a client answers 402s: which rails, in what order, within which limits, and with which funds.</summary>
public sealed class DualRailClientOptions
{
    /// <summary>Rails tried first, in order (<c>evm</c>, <c>lightning</c>); others follow in the server's order.</summary>
    public IList<string> PreferredRails { get; } = [];

    /// <summary>When not empty, only these rails are used.</summary>
    public IList<string> AllowedRails { get; } = [];

    public SpendPolicyOptions Policy { get; } = new();

    /// <summary>USDC by EIP-3009: set a private key to enable.</summary>
    public EvmPayerOptions Evm { get; } = new();

    /// <summary>Lightning through the caller's LND: set an endpoint to enable.</summary>
    public LightningPayerOptions Lightning { get; } = new();

    /// <summary>Payers of your own, besides the built-in ones and any <see cref="IPaymentPayer"/> in DI.</summary>
    public IList<IPaymentPayer> Payers { get; } = [];
}
