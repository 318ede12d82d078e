using System.Diagnostics.CodeAnalysis;
using DualRail.Crypto;

namespace DualRail.Evm;

/// <summary>
/// A 65-byte Ethereum signature r ‖ s ‖ v as returned by eth_sign / eth_signTypedData. Only canonical
/// signatures exist as values: 0 &lt; r &lt; n, 0 &lt; s ≤ n/2, v ∈ {27, 28} (0 and 1 are accepted
/// on input and normalised to 27/28).
/// </summary>
public sealed class EthSignature : IEquatable<EthSignature>
{
    /// <summary>Bytes in the signature.</summary>
    public const int Length = 65;

    private readonly byte[] r;
    private readonly byte[] s;

    private EthSignature(byte[] r, byte[] s, int recoveryId)
    {
        this.r = r;
        this.s = s;
        RecoveryId = recoveryId;
    }

    /// <summary>r, 32 bytes big-endian.</summary>
    public ReadOnlySpan<byte> R => r;

    /// <summary>s, 32 bytes big-endian (low half).</summary>
    public ReadOnlySpan<byte> S => s;

    /// <summary>0 or 1.</summary>
    public int RecoveryId { get; }

    /// <summary>27 or 28.</summary>
    public byte V => (byte)(27 + RecoveryId);

    /// <summary>Parses 0x-prefixed (or bare) hex of 65 bytes.</summary>
    /// <exception cref="FormatException">The signature is malformed or not canonical; the message says why.</exception>
    public static EthSignature Parse(string hex) =>
        TryParse(hex, out var signature, out _, out var message) ? signature : throw new FormatException(message);

    /// <summary>Parses 65 bytes r ‖ s ‖ v.</summary>
    /// <exception cref="FormatException">The signature is malformed or not canonical; the message says why.</exception>
    public static EthSignature FromBytes(ReadOnlySpan<byte> bytes) =>
        TryFromBytes(bytes, out var signature, out _, out var message) ? signature : throw new FormatException(message);

    /// <summary>Parses hex, answering false instead of throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? hex, [NotNullWhen(true)] out EthSignature? signature) =>
        TryParse(hex, out signature, out _, out _);

    /// <summary>Parses hex; on failure <paramref name="error"/> and <paramref name="message"/> say why.</summary>
    public static bool TryParse(
        [NotNullWhen(true)] string? hex,
        [NotNullWhen(true)] out EthSignature? signature,
        out SignatureFormatError error,
        [NotNullWhen(false)] out string? message)
    {
        if (!Hex.TryDecode(hex, out var bytes))
        {
            signature = null;
            error = SignatureFormatError.NotHex;
            message = "The signature is not hex.";
            return false;
        }

        return TryFromBytes(bytes, out signature, out error, out message);
    }

    /// <summary>Parses 65 bytes; on failure <paramref name="error"/> and <paramref name="message"/> say why.</summary>
    public static bool TryFromBytes(
        ReadOnlySpan<byte> bytes,
        [NotNullWhen(true)] out EthSignature? signature,
        out SignatureFormatError error,
        [NotNullWhen(false)] out string? message)
    {
        signature = null;
        (error, var refusal) = Check(bytes);
        if (refusal is not null)
        {
            message = refusal;
            return false;
        }

        var v = bytes[64];
        signature = new EthSignature(bytes[..32].ToArray(), bytes[32..64].ToArray(), v >= 27 ? v - 27 : v);
        message = null;
        return true;
    }

    /// <summary>Wraps a signature from <see cref="Secp256k1.Sign"/> (v = 27 + recovery id).</summary>
    /// <exception cref="ArgumentException">The signature is not canonical (high s, recovery id not 0/1, bad lengths).</exception>
    public static EthSignature FromRecoverable(RecoverableSignature signature)
    {
        if (signature.RecoveryId is not (0 or 1))
        {
            throw new ArgumentException("The recovery id must be 0 or 1.", nameof(signature));
        }

        if (signature.R is not { Length: 32 } || signature.S is not { Length: 32 })
        {
            throw new ArgumentException("r and s must be 32 bytes each.", nameof(signature));
        }

        byte[] bytes = [.. signature.R, .. signature.S, (byte)(27 + signature.RecoveryId)];
        return TryFromBytes(bytes, out var result, out _, out var message) ? result : throw new ArgumentException(message, nameof(signature));
    }

    /// <summary>Signs a 32-byte hash (e.g. an EIP-712 digest) with RFC 6979 and low s.</summary>
    public static EthSignature Sign(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> privateKey32) =>
        FromRecoverable(Secp256k1.Sign(hash32, privateKey32));

    /// <summary>The address that signed <paramref name="hash32"/>, or null when no key recovers.</summary>
    public EvmAddress? RecoverAddress(ReadOnlySpan<byte> hash32)
    {
        var publicKey = Secp256k1.RecoverPublicKey(hash32, ToCompact(), RecoveryId, compressed: false);
        return publicKey is null ? null : EvmAddress.FromPublicKey(publicKey);
    }

    /// <summary>r ‖ s (64 bytes).</summary>
    public byte[] ToCompact() => [.. r, .. s];

    /// <summary>r ‖ s ‖ v with v = 27/28 (65 bytes).</summary>
    public byte[] ToBytes() => [.. r, .. s, V];

    /// <summary>0x-prefixed lowercase hex of <see cref="ToBytes"/>.</summary>
    public string ToHex() => Hex.Encode(ToBytes(), withPrefix: true);

    /// <inheritdoc />
    public override string ToString() => ToHex();

    /// <inheritdoc />
    public bool Equals(EthSignature? other) =>
        other is not null && RecoveryId == other.RecoveryId && r.AsSpan().SequenceEqual(other.r) && s.AsSpan().SequenceEqual(other.s);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EthSignature);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(r);
        hash.AddBytes(s);
        hash.Add(RecoveryId);
        return hash.ToHashCode();
    }

    private static (SignatureFormatError Error, string? Message) Check(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            return (SignatureFormatError.WrongLength, $"A signature is {Length} bytes (r ‖ s ‖ v), not {bytes.Length}.");
        }

        if (bytes[64] is not (0 or 1 or 27 or 28))
        {
            return (SignatureFormatError.InvalidV, $"The signature's v is {bytes[64]}; it must be 27 or 28 (or 0/1).");
        }

        if (!Secp256k1.IsValidPrivateKey(bytes[..32]))
        {
            // Same range as a private key: 1 ≤ r < n.
            return (SignatureFormatError.InvalidR, "The signature's r is zero or not below the curve order.");
        }

        if (!Secp256k1.IsValidPrivateKey(bytes[32..64]))
        {
            return (SignatureFormatError.InvalidS, "The signature's s is zero or not below the curve order.");
        }

        if (!Secp256k1.IsLowS(bytes[32..64]))
        {
            return (SignatureFormatError.HighS, "The signature's s is in the upper half of the curve order (EIP-2 forbids it).");
        }

        return (SignatureFormatError.None, null);
    }
}
