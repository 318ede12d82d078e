using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;

namespace DualRail.Money;

/// <summary>
/// A non-negative integer amount in a token's smallest unit (USDC micro-units, millisatoshis), at most
/// 2^256-1. Parsing accepts digits only: no sign, no decimal point, no exponent, no leading zeros
/// except "0" itself.
/// </summary>
public readonly record struct AtomicAmount : IComparable<AtomicAmount>
{
    /// <summary>2^256 - 1, the largest uint256.</summary>
    public static readonly BigInteger MaxValue = (BigInteger.One << 256) - 1;

    private const int MaxDigits = 78; // 2^256-1 has 78 decimal digits

    public AtomicAmount(BigInteger value)
    {
        if (value.Sign < 0 || value > MaxValue)
            throw new ArgumentOutOfRangeException(nameof(value), "An atomic amount is between 0 and 2^256-1.");
        Value = value;
    }

    public BigInteger Value { get; }

    public static AtomicAmount Zero => default;

    public static implicit operator BigInteger(AtomicAmount amount) => amount.Value;

    public static AtomicAmount Parse(string value) =>
        TryParse(value, out var amount, out var error) ? amount : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? value, out AtomicAmount amount) => TryParse(value, out amount, out _);

    public static bool TryParse([NotNullWhen(true)] string? value, out AtomicAmount amount, [NotNullWhen(false)] out string? error)
    {
        amount = default;
        if (string.IsNullOrEmpty(value))
        {
            error = "An amount is required.";
            return false;
        }
        if (value.Length > MaxDigits || !value.All(char.IsAsciiDigit))
        {
            error = value.Length > MaxDigits
                ? "The amount is larger than 2^256-1."
                : $"'{Truncate(value)}' is not an integer amount in atomic units (digits only, no sign or decimal point).";
            return false;
        }
        if (value.Length > 1 && value[0] == '0')
        {
            error = $"'{Truncate(value)}' has leading zeros.";
            return false;
        }
        var parsed = BigInteger.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
        if (parsed > MaxValue)
        {
            error = "The amount is larger than 2^256-1.";
            return false;
        }
        amount = new AtomicAmount(parsed);
        error = null;
        return true;
    }

    public int CompareTo(AtomicAmount other) => Value.CompareTo(other.Value);

    public static bool operator <(AtomicAmount left, AtomicAmount right) => left.Value < right.Value;

    public static bool operator <=(AtomicAmount left, AtomicAmount right) => left.Value <= right.Value;

    public static bool operator >(AtomicAmount left, AtomicAmount right) => left.Value > right.Value;

    public static bool operator >=(AtomicAmount left, AtomicAmount right) => left.Value >= right.Value;

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
