using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using DualRail.Protocol;

namespace DualRail.Facilitator.Http;

/// <summary>
/// Parses <c>{ x402Version, paymentPayload, paymentRequirements }</c> (v2, or v1 with v1-shaped
/// requirements). Never throws on bad input: it answers false with a message for the 400.
/// </summary>
internal static class FacilitatorRequestReader
{
    public static bool TryRead(ReadOnlySpan<byte> body, [NotNullWhen(true)] out FacilitatorCall? call, [NotNullWhen(false)] out string? error)
    {
        call = null;
        try
        {
            using var document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 32 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Fail("The body must be a JSON object.", out error);
            if (!root.TryGetProperty("paymentPayload", out var payloadJson) || payloadJson.ValueKind != JsonValueKind.Object)
                return Fail("paymentPayload is missing or not an object.", out error);
            if (!root.TryGetProperty("paymentRequirements", out var requirementsJson) || requirementsJson.ValueKind != JsonValueKind.Object)
                return Fail("paymentRequirements is missing or not an object.", out error);

            var payload = payloadJson.Deserialize<PaymentPayload>(X402Json.Options);
            if (payload is null)
                return Fail("paymentPayload is null.", out error);
            var version = root.TryGetProperty("x402Version", out var v) ? ReadVersion(v) : payload.X402Version;
            if (version is not (1 or 2) || payload.X402Version != version)
                return Fail("x402Version must be 1 or 2 and agree with paymentPayload.x402Version.", out error);

            PaymentRequirements? requirements = version == 1
                ? requirementsJson.Deserialize<PaymentRequirementsV1>(X402Json.Options) is { } v1 ? X402VersionConverter.FromV1(v1) : null
                : requirementsJson.Deserialize<PaymentRequirements>(X402Json.Options);
            if (requirements is null)
                return Fail("paymentRequirements is null.", out error);
            if (version == 2 && payload.Accepted is null)
                return Fail("A v2 paymentPayload needs 'accepted'.", out error);
            if (version == 1 && (payload.Scheme is null || payload.Network is null))
                return Fail("A v1 paymentPayload needs 'scheme' and 'network'.", out error);

            call = new FacilitatorCall(version, payload, requirements);
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            // The parser's message names the path and position, never a secret: the body is the caller's own.
            return Fail("Malformed JSON: " + ex.Message, out error);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException or NotSupportedException)
        {
            return Fail("Malformed request: " + ex.Message, out error);
        }
    }

    private static int ReadVersion(JsonElement element) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var version) ? version : -1;

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }
}
