using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;

namespace DualRail.Money;

/// <summary>
/// A route's price as an operator writes it: "$0.01", "0.01 USD", "0.01 USDC", "1500 sat",
/// "1500 sats", "1500000 msat", "0.00001 BTC". Exact decimal, never a double.
/// </summary>
public readonly record struct Price(decimal Value, PriceUnit Unit)
{
    private const long MsatPerBtc = 100_000_000_000;

    public static Price Parse(string text) =>
        TryParse(text, out var price, out var error) ? price : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, out Price price, [NotNullWhen(false)] out string? error)
    {
        price = default;
        var s = text?.Trim() ?? "";
        if (s.Length == 0)
        {
            error = "A price is required, e.g. \"$0.01\", \"0.01 USDC\" or \"1500 sat\".";
            return false;
        }

        string number;
        PriceUnit unit;
        if (s[0] == '$')
        {
            number = s[1..].Trim();
            unit = PriceUnit.Usd;
        }
        else
        {
            var space = s.LastIndexOf(' ');
            if (space < 0 || !TryParseUnit(s[(space + 1)..], out unit))
            {
                error = $"'{s}' is not a price: write \"$0.01\", \"0.01 USD\", \"0.01 USDC\", \"1500 sat\", \"1500000 msat\" or \"0.00001 BTC\".";
                return false;
            }
            number = s[..space].Trim();
        }

        if (number.Length == 0 || !number.All(c => char.IsAsciiDigit(c) || c == '.')
            || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            error = $"'{s}' is not a price: the amount must be a non-negative decimal number.";
            return false;
        }
        if (unit is PriceUnit.Sat or PriceUnit.Msat && decimal.Truncate(value) != value)
        {
            error = $"'{s}' is not a price: {unit.ToString().ToLowerInvariant()} amounts are whole numbers.";
            return false;
        }
        if (value == 0)
        {
            error = $"'{s}' is not a price: a priced route costs more than nothing.";
            return false;
        }

        price = new Price(value, unit);
        error = null;
        return true;
    }

    public bool IsUsd => Unit == PriceUnit.Usd;

    public bool IsBitcoin => Unit is PriceUnit.Sat or PriceUnit.Msat or PriceUnit.Btc;

    /// <summary>
    /// The price in atomic units of a token with <paramref name="decimals"/> decimals (USDC: 6). Throws
    /// when the price is not exactly representable ($0.0000001 in USDC).
    /// </summary>
    public BigInteger ToAtomic(int decimals) =>
        TryToAtomic(decimals, out var atomic) ? atomic
            : throw new ArgumentException($"{this} is not representable with {decimals} decimals.", nameof(decimals));

    public bool TryToAtomic(int decimals, out BigInteger atomic)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        var scaled = new BigInteger(decimal.Truncate(Value));
        var fraction = Value - decimal.Truncate(Value);
        for (var i = 0; i < decimals; i++)
        {
            fraction *= 10;
            var digit = decimal.Truncate(fraction);
            scaled = scaled * 10 + new BigInteger(digit);
            fraction -= digit;
        }
        atomic = scaled;
        return fraction == 0;
    }

    /// <summary>The price in millisatoshis; a USD price is converted at <paramref name="usdPerBtc"/> and rounded up.</summary>
    public long ToMillisatoshis(decimal usdPerBtc = 0) => Unit switch
    {
        PriceUnit.Msat => checked((long)Value),
        PriceUnit.Sat => checked((long)(Value * 1000)),
        PriceUnit.Btc => checked((long)decimal.Ceiling(Value * MsatPerBtc)),
        PriceUnit.Usd when usdPerBtc > 0 => checked((long)decimal.Ceiling(Value / usdPerBtc * MsatPerBtc)),
        _ => throw new InvalidOperationException($"{this} needs an exchange rate (DualRail:ExchangeRates:UsdPerBtc) to be sold in bitcoin."),
    };

    /// <summary>The price in USD; a bitcoin price is converted at <paramref name="usdPerBtc"/>.</summary>
    public decimal ToUsd(decimal usdPerBtc = 0) => Unit switch
    {
        PriceUnit.Usd => Value,
        _ when usdPerBtc > 0 => ToBtc() * usdPerBtc,
        _ => throw new InvalidOperationException($"{this} needs an exchange rate (DualRail:ExchangeRates:UsdPerBtc) to be sold in USD."),
    };

    /// <summary>The price in atomic units of a USD token with <paramref name="decimals"/> decimals, rounded up.</summary>
    public BigInteger ToUsdAtomic(int decimals, decimal usdPerBtc = 0)
    {
        var usd = new Price(ToUsd(usdPerBtc), PriceUnit.Usd);
        if (usd.TryToAtomic(decimals, out var exact))
            return exact;
        return exact + 1; // round the truncated remainder up: never undercharge
    }

    private decimal ToBtc() => Unit switch
    {
        PriceUnit.Btc => Value,
        PriceUnit.Sat => Value / 100_000_000m,
        PriceUnit.Msat => Value / MsatPerBtc,
        _ => throw new InvalidOperationException("Not a bitcoin price."),
    };

    private static bool TryParseUnit(string unit, out PriceUnit parsed)
    {
        switch (unit.ToUpperInvariant())
        {
            case "USD" or "USDC":
                parsed = PriceUnit.Usd;
                return true;
            case "SAT" or "SATS":
                parsed = PriceUnit.Sat;
                return true;
            case "MSAT" or "MSATS":
                parsed = PriceUnit.Msat;
                return true;
            case "BTC":
                parsed = PriceUnit.Btc;
                return true;
            default:
                parsed = default;
                return false;
        }
    }

    public override string ToString() => Unit switch
    {
        PriceUnit.Usd => "$" + Value.ToString(CultureInfo.InvariantCulture),
        PriceUnit.Sat => Value.ToString(CultureInfo.InvariantCulture) + " sat",
        PriceUnit.Msat => Value.ToString(CultureInfo.InvariantCulture) + " msat",
        _ => Value.ToString(CultureInfo.InvariantCulture) + " BTC",
    };
}
