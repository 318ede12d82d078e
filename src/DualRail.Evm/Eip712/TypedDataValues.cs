using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using DualRail.Crypto;

namespace DualRail.Evm.Eip712;

/// <summary>
/// Reads message values given as .NET values (BigInteger, integers, string, bool, byte[], EvmAddress,
/// dictionaries, lists) or as JSON (JsonElement / JsonNode, as in eth_signTypedData_v4 payloads).
/// </summary>
internal static class TypedDataValues
{
    public static object? Unwrap(object? value) => value switch
    {
        JsonNode node => JsonSerializer.SerializeToElement(node),
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        _ => value,
    };

    public static bool TryGetMember(object? structValue, string name, out object? member)
    {
        switch (Unwrap(structValue))
        {
            case JsonElement { ValueKind: JsonValueKind.Object } element when element.TryGetProperty(name, out var property):
                member = Unwrap(property);
                return member is not null;
            case IReadOnlyDictionary<string, object?> dictionary when dictionary.TryGetValue(name, out var value):
                member = Unwrap(value);
                return member is not null;
            case IDictionary<string, object?> dictionary when dictionary.TryGetValue(name, out var value):
                member = Unwrap(value);
                return member is not null;
            default:
                member = null;
                return false;
        }
    }

    public static bool IsStruct(object? value) =>
        Unwrap(value) is JsonElement { ValueKind: JsonValueKind.Object } or IReadOnlyDictionary<string, object?> or IDictionary<string, object?>;

    public static IReadOnlyList<object?> AsArray(object? value, string path) => Unwrap(value) switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } element => element.EnumerateArray().Select(e => (object?)e).ToList(),
        string or byte[] or JsonElement => throw Error(path, "expected an array"),
        IEnumerable sequence => sequence.Cast<object?>().ToList(),
        _ => throw Error(path, "expected an array"),
    };

    public static BigInteger AsInteger(object? value, string path) => Unwrap(value) switch
    {
        BigInteger integer => integer,
        int number => number,
        long number => number,
        uint number => number,
        ulong number => number,
        short number => number,
        ushort number => number,
        byte number => number,
        sbyte number => number,
        string text => ParseInteger(text, path),
        JsonElement { ValueKind: JsonValueKind.Number } element => ParseInteger(element.GetRawText(), path),
        JsonElement { ValueKind: JsonValueKind.String } element => ParseInteger(element.GetString()!, path),
        _ => throw Error(path, "expected an integer"),
    };

    public static EvmAddress AsAddress(object? value, string path) => Unwrap(value) switch
    {
        EvmAddress address => address,
        byte[] { Length: EvmAddress.Length } bytes => new EvmAddress(bytes),
        string text => ParseAddress(text, path),
        JsonElement { ValueKind: JsonValueKind.String } element => ParseAddress(element.GetString()!, path),
        _ => throw Error(path, "expected an address"),
    };

    public static bool AsBool(object? value, string path) => Unwrap(value) switch
    {
        bool flag => flag,
        JsonElement { ValueKind: JsonValueKind.True } => true,
        JsonElement { ValueKind: JsonValueKind.False } => false,
        _ => throw Error(path, "expected true or false"),
    };

    public static byte[] AsBytes(object? value, string path) => Unwrap(value) switch
    {
        byte[] bytes => bytes,
        ReadOnlyMemory<byte> memory => memory.ToArray(),
        string text => ParseHex(text, path),
        JsonElement { ValueKind: JsonValueKind.String } element => ParseHex(element.GetString()!, path),
        _ => throw Error(path, "expected 0x-prefixed hex bytes"),
    };

    public static string AsString(object? value, string path) => Unwrap(value) switch
    {
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString()!,
        _ => throw Error(path, "expected a string"),
    };

    public static FormatException Error(string path, string problem) => new($"EIP-712 value {path}: {problem}.");

    private static BigInteger ParseInteger(string text, string path)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return HexQuantity.TryParse(trimmed, out var hex) ? hex : throw Error(path, "not a valid hex integer");
        }

        if (trimmed.StartsWith("-0x", StringComparison.OrdinalIgnoreCase))
        {
            return HexQuantity.TryParse(trimmed[1..], out var hex) ? -hex : throw Error(path, "not a valid hex integer");
        }

        return BigInteger.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(path, "not an integer");
    }

    private static EvmAddress ParseAddress(string text, string path) =>
        EvmAddress.TryParse(text, out var address, out var error) ? address : throw Error(path, error);

    private static byte[] ParseHex(string text, string path)
    {
        if (!text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || !Hex.TryDecode(text, out var bytes))
        {
            throw Error(path, "expected 0x-prefixed hex bytes");
        }

        return bytes;
    }
}
