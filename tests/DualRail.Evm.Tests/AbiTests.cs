using System.Numerics;
using System.Text;
using DualRail.Crypto;
using DualRail.Evm.Abi;

namespace DualRail.Evm.Tests;

public sealed class AbiTests
{
    private const string ExpiredRevert =
        "08c379a0" +
        "0000000000000000000000000000000000000000000000000000000000000020" +
        "0000000000000000000000000000000000000000000000000000000000000025" +
        "46696174546f6b656e56323a20617574686f72697a6174696f6e206973206578" +
        "7069726564000000000000000000000000000000000000000000000000000000";

    [Fact]
    public void Decodes_error_string_reverts()
    {
        var reason = RevertReason.Decode(Hex.Decode(ExpiredRevert));

        Assert.Equal(RevertKind.Error, reason.Kind);
        Assert.Equal("FiatTokenV2: authorization is expired", reason.Message);
        Assert.Equal("FiatTokenV2: authorization is expired", reason.ToString());
        Assert.Equal(reason.Message, RevertReason.Decode("0x" + ExpiredRevert).Message);
    }

    [Fact]
    public void Decodes_panics_empty_and_custom_data()
    {
        var panic = RevertReason.Decode(Hex.Decode("4e487b71" + new string('0', 62) + "11"));
        Assert.Equal(RevertKind.Panic, panic.Kind);
        Assert.Equal(new BigInteger(0x11), panic.PanicCode);
        Assert.Contains("overflow", panic.ToString(), StringComparison.Ordinal);

        Assert.Equal(RevertKind.Empty, RevertReason.Decode([]).Kind);
        Assert.Equal(RevertKind.Empty, RevertReason.Decode((string?)null).Kind);
        Assert.Equal(RevertKind.Custom, RevertReason.Decode(Hex.Decode("deadbeef")).Kind);
        // Error selector with a truncated body stays opaque instead of throwing.
        Assert.Equal(RevertKind.Custom, RevertReason.Decode(Hex.Decode(ExpiredRevert[..100])).Kind);
        Assert.Equal(RevertKind.Custom, RevertReason.Decode(Hex.Decode("08c379a0" + new string('0', 62) + "20" + new string('f', 64))).Kind);
    }

    [Fact]
    public void Encoder_lays_out_heads_then_tails()
    {
        var encoded = new AbiEncoder().UInt256(1).String("hi").Bytes([]).Bool(true).Encode();

        var expected =
            Word("1") + Word("80") + Word("c0") + Word("1") +
            Word("2") + "6869" + new string('0', 60) +
            Word("0");
        Assert.Equal(expected, Hex.Encode(encoded));

        var decoder = new AbiDecoder(encoded);
        Assert.Equal(BigInteger.One, decoder.UInt256(0));
        Assert.Equal("hi", decoder.String(1));
        Assert.Empty(decoder.Bytes(2));
        Assert.True(decoder.Bool(3));
    }

    [Fact]
    public void Words_check_ranges_and_encode_negative_numbers_as_twos_complement()
    {
        var word = new byte[32];

        AbiWord.WriteInt(-1, word, 8);
        Assert.Equal(new string('f', 64), Hex.Encode(word));
        Assert.Equal(BigInteger.MinusOne, AbiWord.ReadInt(word));

        Assert.Throws<OverflowException>(() => AbiWord.WriteUInt(BigInteger.One << 256, word));
        Assert.Throws<OverflowException>(() => AbiWord.WriteUInt(256, word, 8));
        Assert.Throws<OverflowException>(() => AbiWord.WriteInt(BigInteger.One << 255, word));
        Assert.Throws<ArgumentOutOfRangeException>(() => AbiWord.WriteUInt(1, word, 7));
        Assert.Throws<FormatException>(() => AbiWord.ReadAddress(Enumerable.Repeat((byte)1, 32).ToArray()));
    }

    [Fact]
    public void Decoder_refuses_offsets_and_lengths_past_the_end()
    {
        var hugeLength = Hex.Decode(Word("20") + new string('f', 64));
        var hugeOffset = Hex.Decode(new string('f', 64));
        var invalidUtf8 = Hex.Decode(Word("20") + Word("1") + "ff" + new string('0', 62));

        Assert.Throws<FormatException>(() => new AbiDecoder(hugeLength).Bytes(0));
        Assert.Throws<FormatException>(() => new AbiDecoder(hugeOffset).Bytes(0));
        Assert.Throws<FormatException>(() => new AbiDecoder(invalidUtf8).String(0));
        Assert.Throws<FormatException>(() => new AbiDecoder(new byte[31]).UInt256(0));
        Assert.Equal("ok", new AbiDecoder(new AbiEncoder().String("ok").Encode()).String(0));
        Assert.Equal(Encoding.UTF8.GetBytes("ok"), new AbiDecoder(new AbiEncoder().String("ok").Encode()).Bytes(0));
    }

    private static string Word(string hex) => hex.PadLeft(64, '0');
}
