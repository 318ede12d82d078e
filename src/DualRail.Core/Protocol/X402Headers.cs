namespace DualRail.Protocol;

/// <summary>The HTTP header names of x402 v1 and v2.</summary>
public static class X402Headers
{
    /// <summary>v2, server to client: base64 JSON <see cref="PaymentRequired"/> on a 402.</summary>
    public const string PaymentRequired = "PAYMENT-REQUIRED";

    /// <summary>v2, client to server: base64 JSON <see cref="PaymentPayload"/>.</summary>
    public const string PaymentSignature = "PAYMENT-SIGNATURE";

    /// <summary>v2, server to client: base64 JSON <see cref="SettleResponse"/>.</summary>
    public const string PaymentResponse = "PAYMENT-RESPONSE";

    /// <summary>v1, client to server: base64 JSON <see cref="PaymentPayload"/> (x402Version 1).</summary>
    public const string XPayment = "X-PAYMENT";

    /// <summary>v1, server to client: base64 JSON settlement response.</summary>
    public const string XPaymentResponse = "X-PAYMENT-RESPONSE";

    /// <summary>The longest payment header DualRail accepts (characters of base64).</summary>
    public const int MaxPaymentHeaderLength = 16 * 1024;
}
