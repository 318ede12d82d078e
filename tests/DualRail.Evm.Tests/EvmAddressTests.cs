using System.Text.Json;
using DualRail.Crypto;

namespace DualRail.Evm.Tests;

public sealed class EvmAddressTests
{
    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void Eip55_spec_vectors_round_trip_from_any_case(string checksummed)
    {
        Assert.Equal(checksummed, EvmAddress.Parse(checksummed.ToLowerInvariant()).ToString());
        Assert.Equal(checksummed, EvmAddress.Parse("0x" + checksummed[2..].ToUpperInvariant()).ToString());
        Assert.Equal(checksummed, EvmAddress.Parse(checksummed).ToString());
        Assert.Equal(checksummed.ToLowerInvariant(), EvmAddress.Parse(checksummed).ToLowerHex());
    }

    [Fact]
    public void Mixed_case_with_a_wrong_checksum_is_refused()
    {
        // One letter's case flipped.
        const string bad = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD";

        Assert.False(EvmAddress.TryParse(bad, out _, out var error));
        Assert.Contains("checksum", error, StringComparison.OrdinalIgnoreCase);
        Assert.Throws<FormatException>(() => EvmAddress.Parse(bad));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0x")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00")]
    [InlineData("0xgggggggggggggggggggggggggggggggggggggggg")]
    public void Malformed_addresses_are_refused(string? text)
    {
        Assert.False(EvmAddress.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Prefix_is_optional()
    {
        Assert.Equal(EvmAddress.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"), EvmAddress.Parse("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
    }

    [Fact]
    public void Equality_ignores_case()
    {
        var lower = EvmAddress.Parse("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
        var checksummed = EvmAddress.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

        Assert.Equal(lower, checksummed);
        Assert.True(lower == checksummed);
        Assert.Equal(lower.GetHashCode(), checksummed.GetHashCode());
        Assert.NotEqual(lower, EvmAddress.Zero);
    }

    [Fact]
    public void Anvil_account_zero_from_its_private_key()
    {
        var key = Hex.Decode("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

        Assert.Equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", EvmAddress.FromPrivateKey(key).ToString());
        Assert.Equal(EvmAddress.FromPrivateKey(key), EvmAddress.FromPublicKey(Secp256k1.GetPublicKey(key, compressed: true)));
    }

    [Fact]
    public void Bad_public_keys_are_refused()
    {
        Assert.Throws<ArgumentException>(() => EvmAddress.FromPublicKey(new byte[64]));
        Assert.Throws<ArgumentException>(() => EvmAddress.FromPublicKey([0x02, .. Enumerable.Repeat((byte)0xff, 32)]));
        Assert.Throws<ArgumentException>(() => EvmAddress.FromPrivateKey(new byte[32]));
    }

    [Fact]
    public void Bytes_round_trip_and_zero_is_default()
    {
        var bytes = Enumerable.Range(1, 20).Select(i => (byte)i).ToArray();

        Assert.Equal(bytes, new EvmAddress(bytes).ToArray());
        Assert.True(EvmAddress.Zero.IsZero);
        Assert.Equal("0x0000000000000000000000000000000000000000", EvmAddress.Zero.ToString());
        Assert.Throws<ArgumentException>(() => new EvmAddress(new byte[19]));
    }

    [Fact]
    public void Json_reads_any_case_and_writes_the_checksum()
    {
        var address = JsonSerializer.Deserialize<EvmAddress>("\"0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359\"");

        Assert.Equal("\"0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359\"", JsonSerializer.Serialize(address));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<EvmAddress>("\"0x1234\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<EvmAddress>("42"));
    }
}
