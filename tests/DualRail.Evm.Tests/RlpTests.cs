using System.Numerics;
using System.Text;
using DualRail.Crypto;
using DualRail.Evm.Rlp;

namespace DualRail.Evm.Tests;

/// <summary>The examples of the RLP specification (ethereum.org), plus strict decoding.</summary>
public sealed class RlpTests
{
    [Theory]
    [InlineData("", "80")]
    [InlineData("dog", "83646f67")]
    [InlineData("Lorem ipsum dolor sit amet, consectetur adipisicing elit", "b8384c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c6974")]
    public void Strings(string text, string expected) =>
        Assert.Equal(expected, Hex.Encode(RlpEncoder.EncodeBytes(Encoding.ASCII.GetBytes(text))));

    [Theory]
    [InlineData(0, "80")]
    [InlineData(15, "0f")]
    [InlineData(127, "7f")]
    [InlineData(128, "8180")]
    [InlineData(1024, "820400")]
    public void Integers(long value, string expected) =>
        Assert.Equal(expected, Hex.Encode(RlpEncoder.EncodeInteger(value)));

    [Fact]
    public void Lists()
    {
        Assert.Equal("c0", Hex.Encode(RlpEncoder.EncodeList()));
        Assert.Equal("c88363617483646f67", Hex.Encode(RlpEncoder.EncodeList(RlpEncoder.EncodeBytes("cat"u8), RlpEncoder.EncodeBytes("dog"u8))));

        // The set-theoretic representation of three: [ [], [[]], [ [], [[]] ] ].
        var empty = RlpEncoder.EncodeList();
        var one = RlpEncoder.EncodeList(empty);
        Assert.Equal("c7c0c1c0c3c0c1c0", Hex.Encode(RlpEncoder.EncodeList(empty, one, RlpEncoder.EncodeList(empty, one))));
    }

    [Fact]
    public void Unsigned_bytes_drop_leading_zeros()
    {
        Assert.Equal("820102", Hex.Encode(RlpEncoder.EncodeUnsigned([0, 0, 1, 2])));
        Assert.Equal("80", Hex.Encode(RlpEncoder.EncodeUnsigned([0, 0])));
    }

    [Fact]
    public void Decoder_reads_what_the_encoder_writes()
    {
        var longString = new byte[300];
        var encoded = RlpEncoder.EncodeList(RlpEncoder.EncodeInteger(1024), RlpEncoder.EncodeBytes(longString), RlpEncoder.EncodeList(RlpEncoder.EncodeBytes("x"u8)));

        var item = RlpDecoder.Decode(encoded);

        Assert.True(item.IsList);
        Assert.Equal(new BigInteger(1024), item.Items[0].ToInteger());
        Assert.Equal(longString, item.Items[1].Bytes);
        Assert.Equal("x"u8.ToArray(), item.Items[2].Items[0].Bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("83646f")]          // truncated
    [InlineData("83646f6700")]      // trailing byte
    [InlineData("8100")]            // single byte < 0x80 must be itself
    [InlineData("b80100")]          // long form for a short length
    [InlineData("b9000100")]        // leading zero in the length
    [InlineData("c3c0")]            // list runs past the end
    public void Decoder_refuses_malformed_data(string hex) =>
        Assert.Throws<FormatException>(() => RlpDecoder.Decode(Hex.Decode(hex)));

    [Fact]
    public void Integers_with_leading_zeros_are_refused() =>
        Assert.Throws<FormatException>(() => RlpDecoder.Decode(Hex.Decode("820001")).ToInteger());
}
