using System.Net;
using DualRail.Protocol;

namespace DualRail.LoadBench.Stacks;

/// <summary>Asks for a resource without paying and decodes the 402's PAYMENT-REQUIRED header.</summary>
internal static class Challenge
{
    public static async Task<PaymentRequired> FetchAsync(HttpClient http, string pathOrUrl)
    {
        using var response = await http.GetAsync(pathOrUrl);
        if (response.StatusCode != HttpStatusCode.PaymentRequired)
            throw new InvalidOperationException($"{pathOrUrl} answered {(int)response.StatusCode}, not 402.");
        var header = response.Headers.GetValues(X402Headers.PaymentRequired).Single();
        return X402Json.Deserialize<PaymentRequired>(Convert.FromBase64String(header))
            ?? throw new InvalidOperationException("Empty PAYMENT-REQUIRED header.");
    }
}
