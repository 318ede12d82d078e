using DualRail.Crypto.Secp256k1Backends;

namespace DualRail.Crypto;

/// <summary>
/// ECDSA over secp256k1: public keys, RFC 6979 deterministic low-s signatures with recovery ids,
/// public-key recovery and verification. Runs on the system's libsecp256k1 when it is installed (with
/// its recovery module) and on BouncyCastle otherwise; both give identical results. Set the
/// environment variable <c>DUALRAIL_SECP256K1_NATIVE=0</c> to force BouncyCastle.
/// </summary>
public static class Secp256k1
{
    /// <summary>The environment variable that disables the native library when set to 0 or false.</summary>
    public const string NativeSwitchVariable = "DUALRAIL_SECP256K1_NATIVE";

    private static readonly ISecp256k1Backend Backend = SelectBackend();

    /// <summary>The implementation in use: "libsecp256k1" or "BouncyCastle".</summary>
    public static string BackendName => Backend.Name;

    /// <summary>The public key of <paramref name="privateKey32"/>: 33 bytes compressed or 65 bytes uncompressed (0x04 ‖ x ‖ y).</summary>
    /// <exception cref="ArgumentException">The key is not 32 bytes or not in [1, n-1].</exception>
    public static byte[] GetPublicKey(ReadOnlySpan<byte> privateKey32, bool compressed = true)
    {
        RequirePrivateKey(privateKey32);
        return Backend.GetPublicKey(privateKey32, compressed);
    }

    /// <summary>
    /// Signs a 32-byte hash with an RFC 6979 (HMAC-SHA256) nonce. s is normalised to the low half
    /// (EIP-2) and the recovery id is 0 or 1 accordingly.
    /// </summary>
    /// <exception cref="ArgumentException">The hash is not 32 bytes, or the key is not a valid private key.</exception>
    public static RecoverableSignature Sign(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> privateKey32)
    {
        RequireHash(hash32);
        RequirePrivateKey(privateKey32);
        return Backend.Sign(hash32, privateKey32);
    }

    /// <summary>
    /// Recovers the signer's public key (SEC 1 §4.1.6). Like Ethereum's ecrecover this accepts high s;
    /// callers that need EIP-2 check <see cref="IsLowS"/>. Answers null when r or s is out of range or
    /// no point matches.
    /// </summary>
    /// <exception cref="ArgumentException">Wrong lengths.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="recoveryId"/> is not 0..3.</exception>
    public static byte[]? RecoverPublicKey(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> compactSignature64, int recoveryId, bool compressed = true)
    {
        RequireHash(hash32);
        RequireCompactSignature(compactSignature64);
        ArgumentOutOfRangeException.ThrowIfNegative(recoveryId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(recoveryId, 3);
        return Backend.RecoverPublicKey(hash32, compactSignature64, recoveryId, compressed);
    }

    /// <summary>
    /// Verifies an r ‖ s signature against a 33- or 65-byte public key. High-s signatures are refused
    /// (as libsecp256k1 does); so are malformed keys.
    /// </summary>
    /// <exception cref="ArgumentException">The hash is not 32 bytes or the signature not 64 bytes.</exception>
    public static bool Verify(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> compactSignature64, ReadOnlySpan<byte> publicKey)
    {
        RequireHash(hash32);
        RequireCompactSignature(compactSignature64);
        return publicKey.Length is 33 or 65 && Backend.Verify(hash32, compactSignature64, publicKey);
    }

    /// <summary>
    /// Re-encodes a 33-byte compressed or 65-byte uncompressed public key in the requested form;
    /// null when it is not a point on the curve.
    /// </summary>
    public static byte[]? ConvertPublicKey(ReadOnlySpan<byte> publicKey, bool compressed) =>
        publicKey.Length is 33 or 65 ? Backend.ConvertPublicKey(publicKey, compressed) : null;

    /// <summary>True when <paramref name="s32"/> is 32 bytes and in [1, n/2] (EIP-2 low s).</summary>
    public static bool IsLowS(ReadOnlySpan<byte> s32) => CurveOrder.IsLowScalar(s32);

    /// <summary>True when <paramref name="key"/> is 32 bytes and in [1, n-1].</summary>
    public static bool IsValidPrivateKey(ReadOnlySpan<byte> key) => CurveOrder.IsValidScalar(key);

    private static void RequirePrivateKey(ReadOnlySpan<byte> privateKey32)
    {
        // The message never contains the key.
        if (!CurveOrder.IsValidScalar(privateKey32))
        {
            throw new ArgumentException("A secp256k1 private key is 32 bytes in the range [1, n-1].", nameof(privateKey32));
        }
    }

    private static void RequireHash(ReadOnlySpan<byte> hash32)
    {
        if (hash32.Length != 32)
        {
            throw new ArgumentException($"The message hash must be 32 bytes, not {hash32.Length}.", nameof(hash32));
        }
    }

    private static void RequireCompactSignature(ReadOnlySpan<byte> compactSignature64)
    {
        if (compactSignature64.Length != 64)
        {
            throw new ArgumentException($"A compact signature is 64 bytes (r ‖ s), not {compactSignature64.Length}.", nameof(compactSignature64));
        }
    }

    private static ISecp256k1Backend SelectBackend()
    {
        var setting = Environment.GetEnvironmentVariable(NativeSwitchVariable);
        if (setting is "0" || string.Equals(setting, "false", StringComparison.OrdinalIgnoreCase))
        {
            return BouncyCastleSecp256k1.Instance;
        }

        return NativeSecp256k1.TryLoad(out _) ?? (ISecp256k1Backend)BouncyCastleSecp256k1.Instance;
    }
}
