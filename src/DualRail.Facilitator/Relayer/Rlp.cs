using System.Numerics;

namespace DualRail.Facilitator.Relayer;

/// <summary>Recursive length prefix encoding of byte strings, minimal integers and lists.</summary>
internal static class Rlp
{
    public static byte[] Uint(BigInteger value) =>
        Bytes(value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true));

    public static byte[] Bytes(byte[] data) =>
        data.Length == 1 && data[0] < 0x80 ? data : [.. Prefix(0x80, data.Length), .. data];

    public static byte[] List(byte[][] items)
    {
        var payload = items.SelectMany(i => i).ToArray();
        return [.. Prefix(0xc0, payload.Length), .. payload];
    }

    private static byte[] Prefix(byte offset, int length)
    {
        if (length <= 55)
            return [(byte)(offset + length)];
        var lengthBytes = new BigInteger(length).ToByteArray(isUnsigned: true, isBigEndian: true);
        return [(byte)(offset + 55 + lengthBytes.Length), .. lengthBytes];
    }
}
