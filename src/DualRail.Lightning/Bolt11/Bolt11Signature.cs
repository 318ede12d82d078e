using DualRail.Crypto;

namespace DualRail.Lightning.Bolt11;

/// <summary>The secp256k1 operations BOLT #11 needs, over DualRail.Crypto.</summary>
internal static class Bolt11Signature
{
    // n / 2 for secp256k1: an s above this is "high-S".
    private static readonly byte[] HalfOrder = Convert.FromHexString("7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0");

    public static bool IsHighS(ReadOnlySpan<byte> compact) => compact[32..64].SequenceCompareTo(HalfOrder) > 0;

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
