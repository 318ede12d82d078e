using System.Net.Http.Headers;
using System.Text.Json;
using DualRail.Protocol;

namespace DualRail.Client.Http;

/// <summary>Reads a 402: the v2 <c>PAYMENT-REQUIRED</c> header, else the v1 JSON body.</summary>
internal static class PaymentTermsReader
{
    private const int MaxBodyBytes = 256 * 1024;

    public static async Task<PaymentTerms?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (FirstHeader(response.Headers, X402Headers.PaymentRequired) is { } header
            && X402HeaderCodec.TryDecode<PaymentRequired>(header, out var required, out _)
            && required!.Accepts.Count > 0)
        {
            return new PaymentTerms(required.X402Version, required, required.Accepts.Select(a => a.Network).ToArray());
        }

        var body = await ReadBoundedAsync(response.Content, cancellationToken);
        if (body is null)
            return null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("x402Version", out var version)
                || version.ValueKind != JsonValueKind.Number)
            {
                return null;
            }
            if (version.GetInt32() == 1 && X402Json.Deserialize<PaymentRequiredV1>(body) is { Accepts.Count: > 0 } v1)
                return new PaymentTerms(1, X402VersionConverter.FromV1(v1), v1.Accepts.Select(a => a.Network).ToArray());
            if (version.GetInt32() == 2 && X402Json.Deserialize<PaymentRequired>(body) is { Accepts.Count: > 0 } v2)
                return new PaymentTerms(2, v2, v2.Accepts.Select(a => a.Network).ToArray());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
        return null;
    }

    internal static string? FirstHeader(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static async Task<byte[]?> ReadBoundedAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null || content.Headers.ContentLength > MaxBodyBytes)
            return null;
        await content.LoadIntoBufferAsync(MaxBodyBytes, cancellationToken);
        var bytes = await content.ReadAsByteArrayAsync(cancellationToken);
        return bytes.Length == 0 ? null : bytes;
    }
}
