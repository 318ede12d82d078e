namespace DualRail.Crypto.Secp256k1Backends;

/// <summary>Byte-level comparisons against the group order n, so range checks need no big integers.</summary>
internal static class CurveOrder
{
    /// <summary>n = fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141.</summary>
    public static ReadOnlySpan<byte> N =>
    [
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
        0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48, 0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41,
    ];

    /// <summary>n/2 rounded down = 7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0.</summary>
    public static ReadOnlySpan<byte> HalfN =>
    [
        0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0x5d, 0x57, 0x6e, 0x73, 0x57, 0xa4, 0x50, 0x1d, 0xdf, 0xe9, 0x2f, 0x46, 0x68, 0x1b, 0x20, 0xa0,
    ];

    /// <summary>True when the 32-byte big-endian value is in [1, n-1].</summary>
    public static bool IsValidScalar(ReadOnlySpan<byte> value32) =>
        value32.Length == 32 && !IsZero(value32) && value32.SequenceCompareTo(N) < 0;

    /// <summary>True when the 32-byte big-endian value is in [1, n/2].</summary>
    public static bool IsLowScalar(ReadOnlySpan<byte> value32) =>
        value32.Length == 32 && !IsZero(value32) && value32.SequenceCompareTo(HalfN) <= 0;

    private static bool IsZero(ReadOnlySpan<byte> value) => value.IndexOfAnyExcept((byte)0) < 0;
}
