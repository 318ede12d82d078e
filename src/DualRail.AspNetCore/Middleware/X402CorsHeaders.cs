using DualRail.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace DualRail.AspNetCore.Middleware;

/// <summary>Lets browser scripts read the x402 response headers (Access-Control-Expose-Headers).</summary>
internal static class X402CorsHeaders
{
    public static readonly string[] Exposed = [X402Headers.PaymentRequired, X402Headers.PaymentResponse, X402Headers.XPaymentResponse];

    private static readonly string ExposedList = string.Join(", ", Exposed);

    public static void Expose(HttpResponse response)
    {
        var existing = response.Headers[HeaderNames.AccessControlExposeHeaders].ToString();
        response.Headers[HeaderNames.AccessControlExposeHeaders] = existing.Length == 0 ? ExposedList : existing + ", " + ExposedList;
    }
}
