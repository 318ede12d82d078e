using DualRail.Protocol;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace DualRail.AspNetCore.Cors;

public static class X402CorsPolicyBuilderExtensions
{
    /// <summary>Allows the x402 request headers and exposes the x402 response headers to browser scripts.</summary>
    public static CorsPolicyBuilder WithX402Headers(this CorsPolicyBuilder policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy
            .WithHeaders(X402Headers.PaymentSignature, X402Headers.XPayment)
            .WithExposedHeaders(X402Headers.PaymentRequired, X402Headers.PaymentResponse, X402Headers.XPaymentResponse);
    }
}
