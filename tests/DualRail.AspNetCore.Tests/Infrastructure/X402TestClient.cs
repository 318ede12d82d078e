using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using DualRail.Protocol;

namespace DualRail.AspNetCore.Tests.Infrastructure;

/// <summary>The paying side, reduced to what the tests need.</summary>
internal static class X402TestClient
{
    public static async Task<PaymentRequired> GetTermsAsync(HttpClient client, string path, HttpMethod? method = null)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(method ?? HttpMethod.Get, path));
        Assert.Equal(System.Net.HttpStatusCode.PaymentRequired, response.StatusCode);
        return DecodeTerms(response);
    }

    public static PaymentRequired DecodeTerms(HttpResponseMessage response)
    {
        var header = Assert.Single(response.Headers.GetValues(X402Headers.PaymentRequired));
        Assert.True(X402HeaderCodec.TryDecode<PaymentRequired>(header, out var terms, out var reason), reason);
        return terms!;
    }

    public static SettleResponse DecodeReceipt(HttpResponseMessage response, string header = X402Headers.PaymentResponse)
    {
        var value = Assert.Single(response.Headers.GetValues(header));
        Assert.True(X402HeaderCodec.TryDecode<SettleResponse>(value, out var settle, out var reason), reason);
        return settle!;
    }

    /// <summary>A v2 PAYMENT-SIGNATURE value paying <paramref name="accepted"/> with a fresh (or given) proof.</summary>
    public static string Pay(PaymentRequirements accepted, string? proof = null, bool valid = true, bool final = false) =>
        X402HeaderCodec.Encode(new PaymentPayload
        {
            X402Version = 2,
            Accepted = accepted,
            Payload = new JsonObject { ["proof"] = proof ?? Guid.NewGuid().ToString("N"), ["valid"] = valid, ["final"] = final },
        });

    public static HttpRequestMessage Request(string path, string? signature = null, string? xPayment = null, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        if (signature is not null)
            request.Headers.TryAddWithoutValidation(X402Headers.PaymentSignature, signature);
        if (xPayment is not null)
            request.Headers.TryAddWithoutValidation(X402Headers.XPayment, xPayment);
        return request;
    }

    public static async Task<HttpResponseMessage> PaidGetAsync(HttpClient client, string path, string signature, CancellationToken cancellationToken = default)
    {
        using var request = Request(path, signature);
        return await client.SendAsync(request, cancellationToken);
    }

    public static MediaTypeWithQualityHeaderValue Html { get; } = new("text/html");
}
