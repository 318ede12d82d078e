using System.Numerics;
using DualRail.Crypto;

namespace DualRail.Evm.Abi;

/// <summary>Decoded revert data: <c>Error(string)</c> (0x08c379a0), <c>Panic(uint256)</c> (0x4e487b71) or custom.</summary>
public sealed record RevertReason
{
    private static readonly byte[] ErrorSelector = [0x08, 0xc3, 0x79, 0xa0];
    private static readonly byte[] PanicSelector = [0x4e, 0x48, 0x7b, 0x71];

    private RevertReason(RevertKind kind, byte[] data, string? message, BigInteger? panicCode)
    {
        Kind = kind;
        Data = data;
        Message = message;
        PanicCode = panicCode;
    }

    /// <summary>What the data is.</summary>
    public RevertKind Kind { get; }

    /// <summary>The raw revert data.</summary>
    public byte[] Data { get; }

    /// <summary>The Error(string) message; null otherwise.</summary>
    public string? Message { get; }

    /// <summary>The Panic(uint256) code; null otherwise.</summary>
    public BigInteger? PanicCode { get; }

    /// <summary>Decodes revert data. Never throws: malformed Error/Panic data becomes <see cref="RevertKind.Custom"/>.</summary>
    public static RevertReason Decode(ReadOnlySpan<byte> data)
    {
        var copy = data.ToArray();
        if (data.IsEmpty)
        {
            return new RevertReason(RevertKind.Empty, copy, null, null);
        }

        if (data.Length >= 4)
        {
            var arguments = new AbiDecoder(copy.AsMemory(4));
            try
            {
                if (data[..4].SequenceEqual(ErrorSelector))
                {
                    return new RevertReason(RevertKind.Error, copy, arguments.String(0), null);
                }

                if (data[..4].SequenceEqual(PanicSelector))
                {
                    return new RevertReason(RevertKind.Panic, copy, null, arguments.UInt256(0));
                }
            }
            catch (FormatException)
            {
                // Falls through: treat it as opaque data.
            }
        }

        return new RevertReason(RevertKind.Custom, copy, null, null);
    }

    /// <summary>Decodes 0x-hex revert data (as in a JSON-RPC error's <c>data</c>).</summary>
    public static RevertReason Decode(string? hex) =>
        Decode(Hex.TryDecode(hex, out var bytes) ? bytes : []);

    /// <summary>A short human-readable description.</summary>
    public override string ToString() => Kind switch
    {
        RevertKind.Empty => "reverted without data",
        RevertKind.Error => Message!,
        RevertKind.Panic => $"panic 0x{PanicCode!.Value:x2}: {DescribePanic(PanicCode.Value)}",
        _ => $"custom error {Hex.Encode(Data.AsSpan(0, Math.Min(4, Data.Length)), withPrefix: true)}",
    };

    private static string DescribePanic(BigInteger code) => (int)(code > 0xff ? 0 : code) switch
    {
        0x01 => "assertion failed",
        0x11 => "arithmetic overflow or underflow",
        0x12 => "division or modulo by zero",
        0x21 => "invalid enum value",
        0x22 => "invalid storage byte array",
        0x31 => "pop on an empty array",
        0x32 => "array index out of bounds",
        0x41 => "out of memory",
        0x51 => "call to an uninitialised function",
        _ => "generic panic",
    };
}
