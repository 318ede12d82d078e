using DualRail.Client.Http;
using DualRail.Protocol;

namespace DualRail.Client;

/// <summary>Reading what the payment handler did from a response.</summary>
public static class HttpResponseMessageExtensions
{
    internal static readonly HttpRequestOptionsKey<PaymentRecord> PaymentKey = new("DualRail.Payment");

    /// <summary>The payment made for this response's request, or null when none was made.</summary>
    public static PaymentRecord? GetX402Payment(this HttpResponseMessage response) =>
        response.RequestMessage?.Options.TryGetValue(PaymentKey, out var record) == true ? record : null;

    /// <summary>The decoded <c>PAYMENT-RESPONSE</c> (v2) or <c>X-PAYMENT-RESPONSE</c> (v1) header, or null.</summary>
    public static SettleResponse? GetX402Settlement(this HttpResponseMessage response)
    {
        var header = PaymentTermsReader.FirstHeader(response.Headers, X402Headers.PaymentResponse)
            ?? PaymentTermsReader.FirstHeader(response.Headers, X402Headers.XPaymentResponse);
        return header is not null && X402HeaderCodec.TryDecode<SettleResponse>(header, out var settlement, out _)
            ? settlement
            : null;
    }
}
