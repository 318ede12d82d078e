namespace DualRail.Crypto.Tests;

public sealed class HexTests
{
    [Theory]
    [InlineData("", new byte[0])]
    [InlineData("0x", new byte[0])]
    [InlineData("00ff10", new byte[] { 0x00, 0xff, 0x10 })]
    [InlineData("0xABcd", new byte[] { 0xab, 0xcd })]
    [InlineData("0XAB", new byte[] { 0xab })]
    public void Decode_accepts_either_case_and_an_optional_prefix(string text, byte[] expected)
    {
        Assert.Equal(expected, Hex.Decode(text));
        Assert.True(Hex.TryDecode(text, out var bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0x0")]
    [InlineData("zz")]
    [InlineData("0x12 4")]
    [InlineData("0x0x12")]
    public void Decode_refuses_malformed_hex_with_a_format_exception(string text)
    {
        var exception = Assert.Throws<FormatException>(() => Hex.Decode(text));
        Assert.False(string.IsNullOrWhiteSpace(exception.Message));
        Assert.False(Hex.TryDecode(text, out var bytes));
        Assert.Empty(bytes);
    }

    [Fact]
    public void TryDecode_refuses_null() => Assert.False(Hex.TryDecode(null, out _));

    [Fact]
    public void Encode_is_lowercase_with_an_optional_prefix()
    {
        byte[] bytes = [0xde, 0xad, 0xBE, 0xef, 0x01];
        Assert.Equal("deadbeef01", Hex.Encode(bytes));
        Assert.Equal("0xdeadbeef01", Hex.Encode(bytes, withPrefix: true));
        Assert.Equal("0x", Hex.Encode([], withPrefix: true));
        Assert.Equal("", Hex.Encode([]));
    }
}
