using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DualRail.Lightning.Rail;

/// <summary>The Lightning payload <c>{ "paymentHash": "&lt;hex&gt;", "preimage": "&lt;hex&gt;" }</c>: 32 bytes each.</summary>
internal sealed record LightningProof(byte[] PaymentHash, byte[] Preimage)
{
    public string PaymentHashHex => Convert.ToHexStringLower(PaymentHash);

    /// <summary>The single-use key of a Lightning payment.</summary>
    public string SingleUseKey => "ln:" + PaymentHashHex;

    /// <summary>True when sha256(preimage) is the payment hash: the proof that the invoice was paid.</summary>
    public bool PreimageMatches => SHA256.HashData(Preimage).AsSpan().SequenceEqual(PaymentHash);

    /// <summary>Reads only the payment hash (enough to find the invoice).</summary>
    public static bool TryReadPaymentHash(JsonObject? payload, [NotNullWhen(true)] out byte[]? paymentHash) =>
        TryReadHex32(payload, "paymentHash", out paymentHash);

    public static bool TryParse(JsonObject? payload, [NotNullWhen(true)] out LightningProof? proof, [NotNullWhen(false)] out string? error)
    {
        proof = null;
        if (!TryReadHex32(payload, "paymentHash", out var hash))
        {
            error = "payload.paymentHash must be 64 hex characters (a 32-byte payment hash)";
            return false;
        }

        if (!TryReadHex32(payload, "preimage", out var preimage))
        {
            error = "payload.preimage must be 64 hex characters (the 32-byte preimage)";
            return false;
        }

        proof = new LightningProof(hash, preimage);
        error = null;
        return true;
    }

    private static bool TryReadHex32(JsonObject? payload, string name, [NotNullWhen(true)] out byte[]? value)
    {
        value = null;
        if (payload?[name] is not JsonValue node || node.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        var text = node.GetValue<string>();
        if (text.Length != 64 || !text.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        value = Convert.FromHexString(text);
        return true;
    }
}
