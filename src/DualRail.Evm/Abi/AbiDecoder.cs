using System.Numerics;
using System.Text;

namespace DualRail.Evm.Abi;

/// <summary>
/// Reads ABI-encoded return data (or arguments without the selector) by head slot: static values in
/// place, <c>bytes</c>/<c>string</c> through their offset. Every offset and length is bounds-checked;
/// malformed data throws <see cref="FormatException"/>.
/// </summary>
public sealed class AbiDecoder
{
    private readonly ReadOnlyMemory<byte> data;

    /// <summary>Decodes <paramref name="data"/>.</summary>
    public AbiDecoder(ReadOnlyMemory<byte> data) => this.data = data;

    /// <summary>Number of whole 32-byte head slots present.</summary>
    public int SlotCount => data.Length / AbiWord.Size;

    /// <summary>A uint256 at head slot <paramref name="slot"/>.</summary>
    public BigInteger UInt256(int slot) => AbiWord.ReadUInt(Word(slot));

    /// <summary>An int256 at head slot <paramref name="slot"/>.</summary>
    public BigInteger Int256(int slot) => AbiWord.ReadInt(Word(slot));

    /// <summary>An address at head slot <paramref name="slot"/>.</summary>
    public EvmAddress Address(int slot) => AbiWord.ReadAddress(Word(slot));

    /// <summary>A bool at head slot <paramref name="slot"/>.</summary>
    public bool Bool(int slot) => AbiWord.ReadBool(Word(slot));

    /// <summary>A bytes32 at head slot <paramref name="slot"/>.</summary>
    public byte[] Bytes32(int slot) => Word(slot).ToArray();

    /// <summary>A dynamic bytes whose offset is at head slot <paramref name="slot"/>.</summary>
    public byte[] Bytes(int slot)
    {
        var offset = ToInt(UInt256(slot), "offset");
        var length = ToInt(AbiWord.ReadUInt(At(offset, AbiWord.Size)), "length");
        return At(offset + AbiWord.Size, length).ToArray();
    }

    /// <summary>A dynamic string (UTF-8) whose offset is at head slot <paramref name="slot"/>.</summary>
    public string String(int slot)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Bytes(slot));
        }
        catch (DecoderFallbackException exception)
        {
            throw new FormatException("The ABI string is not valid UTF-8.", exception);
        }
    }

    private ReadOnlySpan<byte> Word(int slot)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        return At((long)slot * AbiWord.Size, AbiWord.Size);
    }

    private ReadOnlySpan<byte> At(long offset, long length)
    {
        if (offset < 0 || length < 0 || offset + length > data.Length)
        {
            throw new FormatException($"The ABI data is too short: {offset + length} bytes needed, {data.Length} present.");
        }

        return data.Span.Slice((int)offset, (int)length);
    }

    private int ToInt(BigInteger value, string what)
    {
        if (value > data.Length)
        {
            throw new FormatException($"The ABI {what} {value} points past the end of the data.");
        }

        return (int)value;
    }
}
