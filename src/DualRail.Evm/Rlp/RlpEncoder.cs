using System.Numerics;

namespace DualRail.Evm.Rlp;

/// <summary>Recursive Length Prefix encoding (Ethereum yellow paper, appendix B).</summary>
public static class RlpEncoder
{
    /// <summary>Encodes a byte string: a single byte below 0x80 as itself, otherwise a length prefix and the bytes.</summary>
    public static byte[] EncodeBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 1 && bytes[0] < 0x80)
        {
            return [bytes[0]];
        }

        var prefix = Prefix(0x80, bytes.Length);
        var output = new byte[prefix.Length + bytes.Length];
        prefix.CopyTo(output, 0);
        bytes.CopyTo(output.AsSpan(prefix.Length));
        return output;
    }

    /// <summary>Encodes a non-negative integer as its minimal big-endian bytes (zero is the empty string 0x80).</summary>
    public static byte[] EncodeInteger(BigInteger value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return EncodeBytes(value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true));
    }

    /// <summary>Encodes an unsigned big-endian integer given as bytes, dropping leading zeros (for r and s).</summary>
    public static byte[] EncodeUnsigned(ReadOnlySpan<byte> bigEndian)
    {
        var firstNonZero = bigEndian.IndexOfAnyExcept((byte)0);
        return EncodeBytes(firstNonZero < 0 ? [] : bigEndian[firstNonZero..]);
    }

    /// <summary>Wraps already-encoded items in a list.</summary>
    public static byte[] EncodeList(IReadOnlyList<byte[]> encodedItems)
    {
        var payloadLength = 0;
        foreach (var item in encodedItems)
        {
            payloadLength += item.Length;
        }

        var prefix = Prefix(0xc0, payloadLength);
        var output = new byte[prefix.Length + payloadLength];
        prefix.CopyTo(output, 0);
        var offset = prefix.Length;
        foreach (var item in encodedItems)
        {
            item.CopyTo(output, offset);
            offset += item.Length;
        }

        return output;
    }

    /// <summary>Wraps already-encoded items in a list.</summary>
    public static byte[] EncodeList(params byte[][] encodedItems) => EncodeList((IReadOnlyList<byte[]>)encodedItems);

    private static byte[] Prefix(byte offset, int length)
    {
        if (length <= 55)
        {
            return [(byte)(offset + length)];
        }

        var lengthBytes = new BigInteger(length).ToByteArray(isUnsigned: true, isBigEndian: true);
        return [(byte)(offset + 55 + lengthBytes.Length), .. lengthBytes];
    }
}
