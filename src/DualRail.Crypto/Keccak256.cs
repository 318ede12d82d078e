using Org.BouncyCastle.Crypto.Digests;

namespace DualRail.Crypto;

/// <summary>Ethereum's Keccak-256 (original Keccak padding 0x01, not FIPS-202 SHA3-256).</summary>
public static class Keccak256
{
    /// <summary>The digest length in bytes.</summary>
    public const int HashLength = 32;

    [ThreadStatic]
    private static KeccakDigest? cachedDigest;

    /// <summary>Hashes <paramref name="data"/> into a new 32-byte array.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var hash = new byte[HashLength];
        Hash(data, hash);
        return hash;
    }

    /// <summary>Hashes <paramref name="data"/> into the first 32 bytes of <paramref name="destination32"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination32)
    {
        if (destination32.Length < HashLength)
        {
            throw new ArgumentException($"The destination must hold {HashLength} bytes.", nameof(destination32));
        }

        // DoFinal resets the digest, so a per-thread instance can be reused without allocating.
        var digest = cachedDigest ??= new KeccakDigest(256);
        digest.BlockUpdate(data);
        digest.DoFinal(destination32);
    }
}
