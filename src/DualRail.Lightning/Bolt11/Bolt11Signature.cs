using DualRail.Crypto;

namespace DualRail.Lightning.Bolt11;

/// <summary>The secp256k1 operations BOLT #11 needs, over DualRail.Crypto.</summary>
internal static class Bolt11Signature
{
    public static bool IsHighS(ReadOnlySpan<byte> compact) => !Secp256k1.IsLowS(compact[32..64]);

    public static bool Verify(byte[] hash, byte[] compact, byte[] publicKey)
    {
        try
        {
            return Secp256k1.Verify(hash, compact, publicKey);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            return false;
        }
    }

    public static byte[]? Recover(byte[] hash, byte[] compact, int recoveryId)
    {
        try
        {
            return Secp256k1.RecoverPublicKey(hash, compact, recoveryId, compressed: true);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Signs and returns the 65 bytes BOLT #11 carries: r || s || recovery id.</summary>
    public static byte[] Sign(byte[] hash, ReadOnlySpan<byte> privateKey)
    {
        var signature = Secp256k1.Sign(hash, privateKey);
        return [.. signature.ToCompact(), (byte)signature.RecoveryId];
    }

    public static byte[] PublicKeyOf(ReadOnlySpan<byte> privateKey) => Secp256k1.GetPublicKey(privateKey, compressed: true);
}
