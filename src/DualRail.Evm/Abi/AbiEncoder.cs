using System.Numerics;
using System.Text;

namespace DualRail.Evm.Abi;

/// <summary>
/// Builds the ABI encoding of a flat argument list of static types plus dynamic <c>bytes</c> and
/// <c>string</c> (heads in order, then the tails), optionally behind a function selector.
/// </summary>
public sealed class AbiEncoder
{
    private readonly List<Argument> arguments = [];

    /// <summary>Appends an <c>address</c>.</summary>
    public AbiEncoder Address(EvmAddress value) => Static(word => AbiWord.WriteAddress(value, word));

    /// <summary>Appends a <c>uint256</c>.</summary>
    public AbiEncoder UInt256(BigInteger value) => UInt(value, 256);

    /// <summary>Appends a <c>uint&lt;bits&gt;</c>, checking the range.</summary>
    public AbiEncoder UInt(BigInteger value, int bits)
    {
        var word = new byte[AbiWord.Size];
        AbiWord.WriteUInt(value, word, bits);
        return Append(new Argument(word, null));
    }

    /// <summary>Appends an <c>int&lt;bits&gt;</c>, checking the range.</summary>
    public AbiEncoder Int(BigInteger value, int bits = 256)
    {
        var word = new byte[AbiWord.Size];
        AbiWord.WriteInt(value, word, bits);
        return Append(new Argument(word, null));
    }

    /// <summary>Appends a <c>bool</c>.</summary>
    public AbiEncoder Bool(bool value) => Static(word => AbiWord.WriteBool(value, word));

    /// <summary>Appends a <c>bytes32</c>.</summary>
    public AbiEncoder Bytes32(ReadOnlySpan<byte> value)
    {
        if (value.Length != 32)
        {
            throw new ArgumentException($"bytes32 is 32 bytes, not {value.Length}.", nameof(value));
        }

        return Append(new Argument(value.ToArray(), null));
    }

    /// <summary>Appends a <c>bytes1</c>..<c>bytes32</c> (right-padded).</summary>
    public AbiEncoder FixedBytes(ReadOnlySpan<byte> value)
    {
        var word = new byte[AbiWord.Size];
        AbiWord.WriteFixedBytes(value, word);
        return Append(new Argument(word, null));
    }

    /// <summary>Appends a dynamic <c>bytes</c>.</summary>
    public AbiEncoder Bytes(ReadOnlySpan<byte> value) => Append(new Argument(null, value.ToArray()));

    /// <summary>Appends a dynamic <c>string</c> (UTF-8).</summary>
    public AbiEncoder String(string value) => Append(new Argument(null, Encoding.UTF8.GetBytes(value)));

    /// <summary>The encoded arguments.</summary>
    public byte[] Encode() => EncodeWithPrefix([]);

    /// <summary>The selector followed by the encoded arguments: calldata for a function call.</summary>
    public byte[] EncodeCall(ReadOnlySpan<byte> selector)
    {
        if (selector.Length != FunctionSelector.Size)
        {
            throw new ArgumentException("A selector is 4 bytes.", nameof(selector));
        }

        return EncodeWithPrefix(selector);
    }

    private byte[] EncodeWithPrefix(ReadOnlySpan<byte> prefix)
    {
        var headSize = arguments.Count * AbiWord.Size;
        var tailSize = arguments.Sum(a => a.Dynamic is null ? 0 : AbiWord.Size + PaddedLength(a.Dynamic.Length));
        var output = new byte[prefix.Length + headSize + tailSize];
        prefix.CopyTo(output);

        var body = output.AsSpan(prefix.Length);
        var tailOffset = headSize;
        for (var i = 0; i < arguments.Count; i++)
        {
            var head = body.Slice(i * AbiWord.Size, AbiWord.Size);
            var argument = arguments[i];
            if (argument.Dynamic is null)
            {
                argument.Word.CopyTo(head);
                continue;
            }

            AbiWord.WriteUInt(tailOffset, head);
            AbiWord.WriteUInt(argument.Dynamic.Length, body.Slice(tailOffset, AbiWord.Size));
            argument.Dynamic.CopyTo(body[(tailOffset + AbiWord.Size)..]);
            tailOffset += AbiWord.Size + PaddedLength(argument.Dynamic.Length);
        }

        return output;
    }

    private static int PaddedLength(int length) => (length + AbiWord.Size - 1) / AbiWord.Size * AbiWord.Size;

    private AbiEncoder Static(Action<byte[]> write)
    {
        var word = new byte[AbiWord.Size];
        write(word);
        return Append(new Argument(word, null));
    }

    private AbiEncoder Append(Argument argument)
    {
        arguments.Add(argument);
        return this;
    }

    private readonly record struct Argument(byte[]? Word, byte[]? Dynamic);
}
