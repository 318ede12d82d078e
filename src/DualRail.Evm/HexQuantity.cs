using System.Globalization;
using System.Numerics;

namespace DualRail.Evm;

/// <summary>
/// JSON-RPC quantities: 0x-prefixed lowercase hex without leading zeros ("0x0" for zero), unsigned.
/// </summary>
public static class HexQuantity
{
    /// <summary>Formats a non-negative integer as a JSON-RPC quantity.</summary>
    public static string Format(BigInteger value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (value.IsZero)
        {
            return "0x0";
        }

        return "0x" + Convert.ToHexStringLower(value.ToByteArray(isUnsigned: true, isBigEndian: true)).TrimStart('0');
    }

    /// <summary>Formats a non-negative integer as a JSON-RPC quantity.</summary>
    public static string Format(long value) => Format(new BigInteger(value));

    /// <summary>Parses a quantity; accepts leading zeros (some nodes send them) and either letter case.</summary>
    /// <exception cref="FormatException">Not 0x-prefixed hex.</exception>
    public static BigInteger Parse(string text)
    {
        if (!TryParse(text, out var value))
        {
            throw new FormatException($"Not a 0x-prefixed hex quantity: \"{Truncate(text)}\".");
        }

        return value;
    }

    /// <summary>Parses a quantity into a long.</summary>
    /// <exception cref="FormatException">Not a quantity.</exception>
    /// <exception cref="OverflowException">Larger than <see cref="long.MaxValue"/>.</exception>
    public static long ParseInt64(string text) => (long)Parse(text);

    /// <summary>Like <see cref="Parse"/>, answering false instead of throwing.</summary>
    public static bool TryParse(string? text, out BigInteger value)
    {
        value = BigInteger.Zero;
        if (text is null || text.Length < 3 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
        {
            return false;
        }

        var digits = text.AsSpan(2);
        foreach (var c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        // A leading "0" keeps BigInteger's hex parser from reading the top bit as a sign.
        return BigInteger.TryParse(string.Concat("0", digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    private static string Truncate(string? text) =>
        text is null ? "null" : text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80), "…");
}
