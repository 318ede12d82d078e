using DualRail.Protocol;
using Microsoft.AspNetCore.Http;

namespace DualRail.AspNetCore.Middleware;

/// <summary>Reads the payment from <c>PAYMENT-SIGNATURE</c> (v2) or <c>X-PAYMENT</c> (v1).</summary>
internal static class PaymentHeaderReader
{
    /// <summary>False when the headers conflict (repeated, or both present with different values).</summary>
    public static bool TryRead(HttpRequest request, out string? header, out string? error)
    {
        header = null;
        var v2 = request.Headers[X402Headers.PaymentSignature];
        var v1 = request.Headers[X402Headers.XPayment];
        if (v2.Count > 1 || v1.Count > 1)
        {
            error = "The payment header was sent more than once.";
            return false;
        }
        var signature = v2.Count == 1 ? v2[0] : null;
        var xPayment = v1.Count == 1 ? v1[0] : null;
        if (signature is not null && xPayment is not null && !string.Equals(signature, xPayment, StringComparison.Ordinal))
        {
            error = "PAYMENT-SIGNATURE and X-PAYMENT carry different payments.";
            return false;
        }
        header = signature ?? xPayment;
        error = null;
        return true;
    }
}
