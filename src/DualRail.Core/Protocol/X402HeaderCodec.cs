using System.Buffers;
using System.Text.Json;
using DualRail.Money;

namespace DualRail.Protocol;

/// <summary>
/// base64(JSON) encoding of x402 headers, and the strict decoder of payment headers. Decoding never
/// throws on bad input: it answers false with a reason code.
/// </summary>
public static class X402HeaderCodec
{
    /// <summary>The longest header of any other kind decoded here (terms, receipts).</summary>
    public const int MaxHeaderLength = 256 * 1024;

    /// <summary>base64 of the UTF-8 JSON of <paramref name="value"/>.</summary>
    public static string Encode<T>(T value) => Convert.ToBase64String(X402Json.SerializeToUtf8Bytes(value));

    /// <summary>Decodes any base64 JSON header (PAYMENT-REQUIRED, PAYMENT-RESPONSE, ...).</summary>
    public static bool TryDecode<T>(string? header, out T? value, out string reason) where T : class
    {
        value = null;
        if (!TryDecodeBytes(header, MaxHeaderLength, out var json, out reason))
            return false;
        try
        {
            value = X402Json.Deserialize<T>(json);
        }
        catch (JsonException)
        {
            reason = ReasonCodes.InvalidPayload;
            return false;
        }
        if (value is null)
        {
            reason = ReasonCodes.InvalidPayload;
            return false;
        }
        reason = "";
        return true;
    }

    /// <summary>Decodes a base64 JSON header or throws <see cref="FormatException"/>.</summary>
    public static T Decode<T>(string header) where T : class =>
        TryDecode<T>(header, out var value, out var reason) ? value! : throw new FormatException($"Not a base64 JSON {typeof(T).Name} ({reason}).");

    /// <summary>
    /// Decodes a <c>PAYMENT-SIGNATURE</c> or <c>X-PAYMENT</c> header: at most 16 KiB, base64, JSON,
    /// the types of the schema, x402Version 1 or 2, v2 with <c>accepted</c>, v1 with scheme and network,
    /// a <c>payload</c> object, and a well-formed amount in <c>accepted</c>.
    /// </summary>
    public static bool TryDecodePaymentPayload(string? header, out PaymentPayload? payload, out string reason)
    {
        payload = null;
        reason = ReasonCodes.InvalidPayload;
        if (string.IsNullOrWhiteSpace(header) || header.Length > X402Headers.MaxPaymentHeaderLength)
            return false;

        // The hot path of every paid request: base64 into a pooled buffer, one scan for the version, one deserialization.
        var buffer = ArrayPool<byte>.Shared.Rent(header.Length * 3 / 4 + 3);
        try
        {
            if (!Convert.TryFromBase64Chars(header.AsSpan().Trim(), buffer, out var written) || written == 0)
                return false;
            var json = buffer.AsSpan(0, written);

            if (!TryReadVersion(json, out var version))
                return false;
            if (version is not (1 or 2))
            {
                reason = ReasonCodes.InvalidX402Version;
                return false;
            }

            try
            {
                payload = X402Json.Deserialize<PaymentPayload>(json);
            }
            catch (JsonException)
            {
                return false;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        reason = payload is null ? ReasonCodes.InvalidPayload : Validate(payload);
        if (reason.Length > 0)
        {
            payload = null;
            return false;
        }
        return true;
    }

    private static string Validate(PaymentPayload payload)
    {
        if (payload.X402Version == 2)
        {
            if (payload.Accepted is not { } accepted)
                return ReasonCodes.InvalidPayload;
            if (string.IsNullOrWhiteSpace(accepted.Scheme))
                return ReasonCodes.InvalidScheme;
            if (string.IsNullOrWhiteSpace(accepted.Network))
                return ReasonCodes.InvalidNetwork;
            if (!AtomicAmount.TryParse(accepted.Amount, out _, out _) || accepted.MaxTimeoutSeconds < 0)
                return ReasonCodes.InvalidPaymentRequirements;
        }
        else
        {
            if (string.IsNullOrWhiteSpace(payload.Scheme))
                return ReasonCodes.InvalidScheme;
            if (string.IsNullOrWhiteSpace(payload.Network))
                return ReasonCodes.InvalidNetwork;
        }
        return "";
    }

    /// <summary>
    /// The top-level <c>x402Version</c> (the last one if repeated), read while checking that the whole
    /// document is well-formed JSON whose root is an object.
    /// </summary>
    private static bool TryReadVersion(ReadOnlySpan<byte> json, out int version)
    {
        version = 0;
        var found = false;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isVersion = reader.ValueTextEquals("x402Version"u8);
                reader.Read();
                if (isVersion)
                    found = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out version);
                else
                    reader.Skip();
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
                return false;
        }
        catch (JsonException)
        {
            return false;
        }
        return found;
    }

    private static bool TryDecodeBytes(string? header, int maxLength, out byte[] json, out string reason)
    {
        json = [];
        reason = ReasonCodes.InvalidPayload;
        if (string.IsNullOrWhiteSpace(header) || header.Length > maxLength)
            return false;

        var buffer = new byte[header.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(header.Trim(), buffer, out var written) || written == 0)
            return false;
        json = buffer.AsSpan(0, written).ToArray();
        reason = "";
        return true;
    }
}
