namespace DualRail.Lightning.Bolt11;

/// <summary>Regroups bits between 5-bit words and bytes, and reads big-endian integers from words.</summary>
internal static class WordConverter
{
    /// <summary>Bytes to 5-bit words, zero-padding the last word.</summary>
    public static byte[] ToWords(ReadOnlySpan<byte> bytes) => Regroup(bytes, 8, 5, pad: true);

    /// <summary>5-bit words to bytes; with <paramref name="pad"/> the last partial byte is zero-padded, otherwise dropped.</summary>
    public static byte[] ToBytes(ReadOnlySpan<byte> words, bool pad) => Regroup(words, 5, 8, pad);

    /// <summary>A big-endian unsigned integer from words; null when it does not fit in 63 bits.</summary>
    public static long? ToInt64(ReadOnlySpan<byte> words)
    {
        if (words.Length > 12)
        {
            return null;
        }

        long value = 0;
        foreach (var word in words)
        {
            value = (value << 5) | word;
        }

        return value;
    }

    /// <summary>A non-negative integer as the fewest big-endian words (zero words for zero).</summary>
    public static byte[] FromInt64(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var words = new List<byte>();
        while (value > 0)
        {
            words.Add((byte)(value & 31));
            value >>= 5;
        }

        words.Reverse();
        return [.. words];
    }

    /// <summary>A fixed-width big-endian integer (for the 35-bit timestamp).</summary>
    public static byte[] FromInt64(long value, int wordCount)
    {
        var words = new byte[wordCount];
        for (var i = wordCount - 1; i >= 0; i--)
        {
            words[i] = (byte)(value & 31);
            value >>= 5;
        }

        return words;
    }

    private static byte[] Regroup(ReadOnlySpan<byte> input, int fromBits, int toBits, bool pad)
    {
        var output = new List<byte>(input.Length * fromBits / toBits + 1);
        var accumulator = 0;
        var bits = 0;
        var mask = (1 << toBits) - 1;
        foreach (var value in input)
        {
            accumulator = (accumulator << fromBits) | value;
            bits += fromBits;
            while (bits >= toBits)
            {
                bits -= toBits;
                output.Add((byte)((accumulator >> bits) & mask));
            }

            accumulator &= (1 << bits) - 1;
        }

        if (pad && bits > 0)
        {
            output.Add((byte)((accumulator << (toBits - bits)) & mask));
        }

        return [.. output];
    }
}
