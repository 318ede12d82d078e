using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using DualRail.Crypto;
using DualRail.Evm.Eip3009;
using DualRail.Money;

namespace DualRail.Evm.Rail;

/// <summary>
/// The <c>payload</c> of an <c>exact</c> EVM payment (reference/x402.md §2.2): an EIP-3009
/// authorization, every number a decimal string and the nonce 32 bytes of hex, and its signature.
/// </summary>
internal sealed record ExactEvmPayload(TransferWithAuthorization Authorization, byte[] Signature)
{
    public static bool TryParse(JsonObject payload, [NotNullWhen(true)] out ExactEvmPayload? parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        if (!TryGetString(payload, "signature", out var signatureHex, out error))
            return false;
        if (!Hex.TryDecode(signatureHex, out var signature) || signature.Length == 0 || !signatureHex.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            error = "payload.signature must be 0x-prefixed hex.";
            return false;
        }

        if (payload["authorization"] is not JsonObject authorization)
        {
            error = "payload.authorization must be an object.";
            return false;
        }

        if (!TryGetAddress(authorization, "from", out var from, out error)
            || !TryGetAddress(authorization, "to", out var to, out error)
            || !TryGetUInt(authorization, "value", out var value, out error)
            || !TryGetUInt(authorization, "validAfter", out var validAfter, out error)
            || !TryGetUInt(authorization, "validBefore", out var validBefore, out error)
            || !TryGetString(authorization, "nonce", out var nonceHex, out error))
            return false;

        if (nonceHex.Length != 66 || !nonceHex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || !Hex.TryDecode(nonceHex, out var nonce))
        {
            error = "authorization.nonce must be 0x + 64 hex digits (32 bytes).";
            return false;
        }

        parsed = new ExactEvmPayload(new TransferWithAuthorization(from, to, value, validAfter, validBefore, nonce), signature);
        return true;
    }

    private static bool TryGetString(JsonObject node, string name, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        if (node[name] is JsonValue json && json.GetValueKind() == JsonValueKind.String)
        {
            value = json.GetValue<string>();
            error = null;
            return true;
        }

        error = $"'{name}' must be a string.";
        return false;
    }

    private static bool TryGetAddress(JsonObject node, string name, out EvmAddress address, [NotNullWhen(false)] out string? error)
    {
        address = default;
        if (!TryGetString(node, name, out var text, out error))
            return false;
        if (EvmAddress.TryParse(text, out address, out var reason) && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return true;
        error = $"authorization.{name} is not an address: {reason ?? "missing 0x"}";
        return false;
    }

    private static bool TryGetUInt(JsonObject node, string name, out BigInteger value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        if (!TryGetString(node, name, out var text, out error))
            return false;
        if (!AtomicAmount.TryParse(text, out var amount, out var reason))
        {
            error = $"authorization.{name}: {reason}";
            return false;
        }

        value = amount.Value;
        return true;
    }
}
