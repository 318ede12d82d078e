using DualRail.Lightning.Bolt11;
using DualRail.Money;
using DualRail.Protocol;

namespace DualRail.Client.Lightning;

/// <summary>
/// Makes sure the invoice in an offer is the payment the offer describes (its payment hash and its
/// amount), so that a server cannot show one price and invoice another.
/// </summary>
internal static class LightningInvoiceCheck
{
    /// <summary>Returns the invoice, or throws <see cref="PaymentFailedException"/>.</summary>
    public static string Verify(PaymentRequirements requirements, TimeProvider timeProvider)
    {
        var text = (string)requirements.Extra!["invoice"]!;
        if (!Bolt11Decoder.TryDecode(text, out var invoice))
            throw new PaymentFailedException("lightning", "The offer's invoice is not a valid BOLT11 invoice.");
        var amount = AtomicAmount.Parse(requirements.Amount).Value;
        if (invoice!.AmountMsat is not { } msat || msat != amount)
            throw new PaymentFailedException("lightning", $"The invoice is for {invoice.AmountMsat?.ToString() ?? "any amount"} msat, the offer says {amount} msat.");
        if ((string?)requirements.Extra["paymentHash"] is { } hash && !string.Equals(hash, invoice.PaymentHashHex, StringComparison.OrdinalIgnoreCase))
            throw new PaymentFailedException("lightning", "The invoice's payment hash is not the one the offer states.");
        if (invoice.IsExpired(timeProvider))
            throw new PaymentFailedException("lightning", "The invoice has expired.");
        return text;
    }
}
