using System.Numerics;

namespace DualRail.Evm.Abi;

/// <summary>Reads and writes single 32-byte ABI words (also the EIP-712 encoding of atomic values).</summary>
public static class AbiWord
{
    /// <summary>Bytes in a word.</summary>
    public const int Size = 32;

    private static readonly BigInteger TwoTo256 = BigInteger.One << 256;

    /// <summary>Writes an unsigned integer of <paramref name="bits"/> bits (8..256), big-endian, left-padded.</summary>
    /// <exception cref="OverflowException">The value is negative or does not fit.</exception>
    public static void WriteUInt(BigInteger value, Span<byte> word, int bits = 256)
    {
        CheckBits(bits);
        if (value.Sign < 0 || value >= BigInteger.One << bits)
        {
            throw new OverflowException($"The value does not fit in uint{bits}.");
        }

        word[..Size].Clear();
        value.TryWriteBytes(word[(Size - value.GetByteCount(isUnsigned: true))..Size], out _, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Writes a signed integer of <paramref name="bits"/> bits as 256-bit two's complement.</summary>
    /// <exception cref="OverflowException">The value does not fit.</exception>
    public static void WriteInt(BigInteger value, Span<byte> word, int bits = 256)
    {
        CheckBits(bits);
        var limit = BigInteger.One << (bits - 1);
        if (value < -limit || value >= limit)
        {
            throw new OverflowException($"The value does not fit in int{bits}.");
        }

        WriteUInt(value.Sign < 0 ? TwoTo256 + value : value, word);
    }

    /// <summary>Writes an address left-padded with 12 zero bytes.</summary>
    public static void WriteAddress(EvmAddress address, Span<byte> word)
    {
        word[..12].Clear();
        address.WriteTo(word[12..Size]);
    }

    /// <summary>Writes 0 or 1.</summary>
    public static void WriteBool(bool value, Span<byte> word)
    {
        word[..Size].Clear();
        word[Size - 1] = value ? (byte)1 : (byte)0;
    }

    /// <summary>Writes bytes1..bytes32: the bytes followed by zeros.</summary>
    public static void WriteFixedBytes(ReadOnlySpan<byte> value, Span<byte> word)
    {
        if (value.Length is < 1 or > Size)
        {
            throw new ArgumentException("Fixed-size bytes are 1 to 32 bytes long.", nameof(value));
        }

        word[..Size].Clear();
        value.CopyTo(word);
    }

    /// <summary>Reads an unsigned 256-bit word.</summary>
    public static BigInteger ReadUInt(ReadOnlySpan<byte> word) =>
        new(word[..Size], isUnsigned: true, isBigEndian: true);

    /// <summary>Reads a two's complement 256-bit word.</summary>
    public static BigInteger ReadInt(ReadOnlySpan<byte> word) =>
        new(word[..Size], isUnsigned: false, isBigEndian: true);

    /// <summary>Reads an address; the 12 padding bytes must be zero.</summary>
    /// <exception cref="FormatException">The padding is not zero.</exception>
    public static EvmAddress ReadAddress(ReadOnlySpan<byte> word)
    {
        if (word[..12].IndexOfAnyExcept((byte)0) >= 0)
        {
            throw new FormatException("An ABI address word must start with 12 zero bytes.");
        }

        return new EvmAddress(word[12..Size]);
    }

    /// <summary>Reads a bool; only 0 and 1 are accepted.</summary>
    /// <exception cref="FormatException">Any other value.</exception>
    public static bool ReadBool(ReadOnlySpan<byte> word)
    {
        if (word[..(Size - 1)].IndexOfAnyExcept((byte)0) >= 0 || word[Size - 1] > 1)
        {
            throw new FormatException("An ABI bool word must be 0 or 1.");
        }

        return word[Size - 1] == 1;
    }

    private static void CheckBits(int bits)
    {
        if (bits is < 8 or > 256 || bits % 8 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "Integer widths are 8 to 256 in steps of 8.");
        }
    }
}
