using System.Numerics;

namespace DualRail.Lightning.Bolt11;

/// <summary>The amount in the human-readable part: a BTC figure with an optional m/u/n/p multiplier, as millisatoshis.</summary>
internal static class Bolt11Amount
{
    private static readonly BigInteger MsatPerBtc = 100_000_000_000;

    /// <summary>Parses the text after the currency prefix; null when there is none (any amount).</summary>
    public static long? ParseMillisatoshis(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var last = text[^1];
        var digits = text;
        var denominator = BigInteger.One;
        if (!char.IsAsciiDigit(last))
        {
            denominator = last switch
            {
                'm' => new BigInteger(1_000),
                'u' => new BigInteger(1_000_000),
                'n' => new BigInteger(1_000_000_000),
                'p' => new BigInteger(1_000_000_000_000),
                _ => throw new Bolt11FormatException(Bolt11FormatError.InvalidMultiplier, $"'{last}' is not an amount multiplier (m, u, n or p)"),
            };
            digits = text[..^1];
        }

        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            throw new Bolt11FormatException(Bolt11FormatError.InvalidAmount, "the amount is not a decimal number");
        }

        if (digits[0] == '0')
        {
            throw new Bolt11FormatException(Bolt11FormatError.InvalidAmount, "the amount is zero or has a leading zero");
        }

        if (digits.Length > 30)
        {
            throw new Bolt11FormatException(Bolt11FormatError.InvalidAmount, "the amount is too large");
        }

        var product = BigInteger.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) * MsatPerBtc;
        var msat = BigInteger.DivRem(product, denominator, out var remainder);
        if (!remainder.IsZero)
        {
            throw new Bolt11FormatException(Bolt11FormatError.SubMillisatoshiAmount, "a 'p' amount must end in 0 (no fractions of a millisatoshi)");
        }

        if (msat > long.MaxValue)
        {
            throw new Bolt11FormatException(Bolt11FormatError.InvalidAmount, "the amount is too large");
        }

        return (long)msat;
    }

    /// <summary>The shortest representation: the largest multiplier that keeps the figure whole.</summary>
    public static string Format(long millisatoshis)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(millisatoshis);
        var pico = new BigInteger(millisatoshis) * 10;
        (BigInteger Scale, string Suffix)[] units =
        [
            (new BigInteger(1_000_000_000_000), string.Empty),
            (new BigInteger(1_000_000_000), "m"),
            (new BigInteger(1_000_000), "u"),
            (new BigInteger(1_000), "n"),
        ];
        foreach (var (scale, suffix) in units)
        {
            if ((pico % scale).IsZero)
            {
                return (pico / scale).ToString(System.Globalization.CultureInfo.InvariantCulture) + suffix;
            }
        }

        return pico.ToString(System.Globalization.CultureInfo.InvariantCulture) + "p";
    }
}
