namespace DualRail.Lightning.Bolt11;

/// <summary>
/// BIP-173 bech32 (not bech32m) as BOLT #11 uses it: the same checksum, but no 90-character limit.
/// The data part is handled as 5-bit words.
/// </summary>
internal static class Bech32
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private const int ChecksumLength = 6;
    private static readonly uint[] Generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
    private static readonly sbyte[] CharsetReverse = BuildReverse();

    /// <summary>Splits and checks a bech32 string. Returns the lower-case HRP and the data words without the checksum.</summary>
    public static (string Hrp, byte[] Words) Decode(string text)
    {
        var hasLower = false;
        var hasUpper = false;
        foreach (var c in text)
        {
            if (c < 33 || c > 126)
            {
                throw new Bolt11FormatException(Bolt11FormatError.InvalidBech32, "the invoice contains a character outside printable ASCII");
            }

            hasLower |= c is >= 'a' and <= 'z';
            hasUpper |= c is >= 'A' and <= 'Z';
        }

        if (hasLower && hasUpper)
        {
            throw new Bolt11FormatException(Bolt11FormatError.MixedCase, "the invoice mixes upper and lower case");
        }

        var lower = text.ToLowerInvariant();
        var separator = lower.LastIndexOf('1');
        if (separator < 1)
        {
            throw new Bolt11FormatException(Bolt11FormatError.InvalidBech32, "the invoice has no bech32 separator '1' after a human-readable part");
        }

        if (lower.Length - separator - 1 < ChecksumLength)
        {
            throw new Bolt11FormatException(Bolt11FormatError.InvalidBech32, "the invoice is too short to hold a bech32 checksum");
        }

        var hrp = lower[..separator];
        var data = CharsToWords(lower.AsSpan(separator + 1));
        if (Polymod(hrp, data) != 1)
        {
            throw new Bolt11FormatException(Bolt11FormatError.InvalidChecksum, "the bech32 checksum is invalid");
        }

        return (hrp, data[..^ChecksumLength]);
    }

    /// <summary>Maps lower-case bech32 characters to their 5-bit values.</summary>
    public static byte[] CharsToWords(ReadOnlySpan<char> chars)
    {
        var words = new byte[chars.Length];
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            var value = c < 128 ? CharsetReverse[c] : (sbyte)-1;
            if (value < 0)
            {
                throw new Bolt11FormatException(Bolt11FormatError.InvalidBech32, $"the invoice contains '{c}', which is not a bech32 character");
            }

            words[i] = (byte)value;
        }

        return words;
    }

    /// <summary>Encodes a lower-case HRP and data words, appending the checksum.</summary>
    public static string Encode(string hrp, ReadOnlySpan<byte> words)
    {
        var withChecksum = new byte[words.Length + ChecksumLength];
        words.CopyTo(withChecksum);
        var polymod = Polymod(hrp, withChecksum) ^ 1;
        for (var i = 0; i < ChecksumLength; i++)
        {
            withChecksum[words.Length + i] = (byte)((polymod >> (5 * (5 - i))) & 31);
        }

        var chars = new char[hrp.Length + 1 + withChecksum.Length];
        hrp.CopyTo(chars);
        chars[hrp.Length] = '1';
        for (var i = 0; i < withChecksum.Length; i++)
        {
            chars[hrp.Length + 1 + i] = Charset[withChecksum[i]];
        }

        return new string(chars);
    }

    private static uint Polymod(string hrp, ReadOnlySpan<byte> data)
    {
        uint chk = 1;
        foreach (var c in hrp)
        {
            chk = Step(chk, (byte)(c >> 5));
        }

        chk = Step(chk, 0);
        foreach (var c in hrp)
        {
            chk = Step(chk, (byte)(c & 31));
        }

        foreach (var value in data)
        {
            chk = Step(chk, value);
        }

        return chk;
    }

    private static uint Step(uint chk, byte value)
    {
        var top = chk >> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ value;
        for (var i = 0; i < 5; i++)
        {
            if (((top >> i) & 1) != 0)
            {
                chk ^= Generator[i];
            }
        }

        return chk;
    }

    private static sbyte[] BuildReverse()
    {
        var reverse = new sbyte[128];
        Array.Fill(reverse, (sbyte)-1);
        for (var i = 0; i < Charset.Length; i++)
        {
            reverse[Charset[i]] = (sbyte)i;
        }

        return reverse;
    }
}
