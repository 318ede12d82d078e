using System.Globalization;
using System.Numerics;
using System.Text;

namespace DualRail.TestSupport;

/// <summary>
/// Just enough ABI encoding for test set-up (static words and one level of dynamic bytes/strings).
/// Production code uses DualRail.Evm's encoder; this exists so TestSupport needs no src project.
/// </summary>
public static class TestAbi
{
    public static string Address(string address)
    {
        var hex = Strip(address).ToLowerInvariant();
        if (hex.Length != 40)
            throw new ArgumentException($"Not a 20-byte address: {address}", nameof(address));
        return hex.PadLeft(64, '0');
    }

    public static string Uint(BigInteger value)
    {
        if (value.Sign < 0)
            throw new ArgumentOutOfRangeException(nameof(value));
        var hex = value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
        return hex.PadLeft(64, '0');
    }

    public static string Bytes32(string hex)
    {
        var digits = Strip(hex);
        if (digits.Length != 64)
            throw new ArgumentException($"Not 32 bytes: {hex}", nameof(hex));
        return digits.ToLowerInvariant();
    }

    /// <summary>Encodes arguments: each item is either a static 32-byte word (64 hex chars) or a <see cref="Dynamic"/>.</summary>
    public static string Encode(params object[] arguments)
    {
        var head = new StringBuilder();
        var tail = new StringBuilder();
        var headSize = arguments.Length * 32;
        foreach (var argument in arguments)
        {
            switch (argument)
            {
                case string word when word.Length == 64:
                    head.Append(word);
                    break;
                case Dynamic dynamic:
                    head.Append(Uint(headSize + (tail.Length / 2)));
                    tail.Append(Uint(dynamic.Bytes.Length));
                    var data = Convert.ToHexStringLower(dynamic.Bytes);
                    tail.Append(data.PadRight((data.Length + 63) / 64 * 64, '0'));
                    break;
                default:
                    throw new ArgumentException($"Unsupported ABI argument {argument}", nameof(arguments));
            }
        }

        return head.Append(tail).ToString();
    }

    public static string Call(string selector, params object[] arguments) => "0x" + Strip(selector) + Encode(arguments);

    public static Dynamic String(string text) => new(Encoding.UTF8.GetBytes(text));

    public static Dynamic Bytes(string hex) => new(Convert.FromHexString(Strip(hex)));

    public static BigInteger DecodeUint(string returnData) => AnvilRpc.ParseQuantity("0x" + Strip(returnData));

    public static bool DecodeBool(string returnData) => !DecodeUint(returnData).IsZero;

    public static string DecodeString(string returnData)
    {
        var data = Convert.FromHexString(Strip(returnData));
        var offset = (int)new BigInteger(data.AsSpan(0, 32), isUnsigned: true, isBigEndian: true);
        var length = (int)new BigInteger(data.AsSpan(offset, 32), isUnsigned: true, isBigEndian: true);
        return Encoding.UTF8.GetString(data, offset + 32, length);
    }

    private static string Strip(string hex) => hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex;

    /// <summary>A dynamic <c>bytes</c> or <c>string</c> argument.</summary>
    public sealed record Dynamic(byte[] Bytes);
}
