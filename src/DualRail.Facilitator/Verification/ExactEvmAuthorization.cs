using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Text.Json.Nodes;
using DualRail.Evm;
using DualRail.Evm.Eip3009;
using DualRail.Money;

namespace DualRail.Facilitator.Verification;

/// <summary>
/// The <c>payload</c> of an <c>exact</c> EVM payment with EIP-3009:
/// <c>{ signature, authorization: { from, to, value, validAfter, validBefore, nonce } }</c>.
/// Integers are decimal strings, addresses 20-byte hex, the nonce 32-byte hex.
/// </summary>
internal sealed record ExactEvmAuthorization(
    EvmAddress From,
    EvmAddress To,
    BigInteger Value,
    BigInteger ValidAfter,
    BigInteger ValidBefore,
    byte[] Nonce,
    byte[] Signature)
{
    public string NonceHex => "0x" + Convert.ToHexStringLower(Nonce);

    public TransferWithAuthorization ToTransferWithAuthorization() => new(From, To, Value, ValidAfter, ValidBefore, Nonce);

    public static bool TryParse(JsonObject payload, [NotNullWhen(true)] out ExactEvmAuthorization? authorization, [NotNullWhen(false)] out string? error)
    {
        authorization = null;
        if (payload["authorization"] is not JsonObject auth)
            return Fail("payload.authorization is missing or not an object.", out error);
        if (!TryHex(payload["signature"], null, out var signature) || signature.Length == 0)
            return Fail("payload.signature must be a non-empty hex string.", out error);
        if (!TryAddress(auth["from"], out var from))
            return Fail("authorization.from must be a 0x-prefixed 20-byte address (EIP-55 checksum if mixed-case).", out error);
        if (!TryAddress(auth["to"], out var to))
            return Fail("authorization.to must be a 0x-prefixed 20-byte address (EIP-55 checksum if mixed-case).", out error);
        if (!TryUint(auth["value"], out var value))
            return Fail("authorization.value must be a decimal integer string.", out error);
        if (!TryUint(auth["validAfter"], out var validAfter))
            return Fail("authorization.validAfter must be a decimal integer string.", out error);
        if (!TryUint(auth["validBefore"], out var validBefore))
            return Fail("authorization.validBefore must be a decimal integer string.", out error);
        if (!TryHex(auth["nonce"], 32, out var nonce))
            return Fail("authorization.nonce must be 32 bytes of hex.", out error);

        authorization = new ExactEvmAuthorization(from, to, value, validAfter, validBefore, nonce, signature);
        error = null;
        return true;
    }

    /// <summary>A uint256 as a decimal string (no sign, no leading zeros), by <see cref="AtomicAmount"/>'s rules.</summary>
    private static bool TryUint(JsonNode? node, out BigInteger value)
    {
        value = default;
        if (node is not JsonValue json || !json.TryGetValue<string>(out var text) || !AtomicAmount.TryParse(text, out var amount))
            return false;
        value = amount.Value;
        return true;
    }

    /// <summary>0x + 40 hex digits; a mixed-case address must carry a valid EIP-55 checksum.</summary>
    private static bool TryAddress(JsonNode? node, out EvmAddress address)
    {
        address = default;
        return node is JsonValue json && json.TryGetValue<string>(out var text)
            && text.StartsWith("0x", StringComparison.Ordinal)
            && EvmAddress.TryParse(text, out address);
    }

    private static bool TryHex(JsonNode? node, int? length, out byte[] bytes)
    {
        bytes = [];
        if (node is not JsonValue json || !json.TryGetValue<string>(out var text))
            return false;
        if (!text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || text.Length % 2 != 0 || text.Length > 2 + 2 * 4096)
            return false;
        var digits = text.AsSpan(2);
        foreach (var c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
                return false;
        }

        bytes = Convert.FromHexString(digits);
        return length is null || bytes.Length == length;
    }

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }
}
