using System.Text.Json.Nodes;
using DualRail.Protocol;

namespace DualRail.Client.Payers;

/// <summary>One way of paying an x402 requirement (a rail the caller holds funds on).</summary>
public interface IPaymentPayer
{
    /// <summary>The rail name, as in the caller's preference list: <c>evm</c> or <c>lightning</c>.</summary>
    string Rail { get; }

    /// <summary>Whether this payer can pay <paramref name="requirements"/> (scheme, network, asset, details present).</summary>
    bool CanPay(PaymentRequirements requirements);

    /// <summary>
    /// Pays or authorizes the payment and returns the scheme payload that proves it (the <c>payload</c>
    /// member of the x402 payment). Throws <see cref="PaymentFailedException"/> when it cannot.
    /// </summary>
    ValueTask<JsonObject> CreatePayloadAsync(PaymentRequirements requirements, CancellationToken cancellationToken);
}
