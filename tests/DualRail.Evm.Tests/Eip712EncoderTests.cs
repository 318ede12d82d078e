using System.Numerics;
using DualRail.Crypto;
using DualRail.Evm.Eip712;

namespace DualRail.Evm.Tests;

/// <summary>encodeType rules, domains and refusals. Cross-checks against Anvil's signer are in Eip712AnvilOracleTests.</summary>
public sealed class Eip712EncoderTests
{
    [Fact]
    public void Referenced_types_are_sorted_by_name_after_the_primary_type()
    {
        var encoder = new TypedDataEncoder(new Dictionary<string, IReadOnlyList<TypedDataField>>
        {
            ["Zebra"] = [new("a", "Alpha[]"), new("m", "Mid")],
            ["Mid"] = [new("b", "Beta[2]")],
            ["Alpha"] = [new("x", "uint8")],
            ["Beta"] = [new("y", "bool")],
            ["Unused"] = [new("z", "string")],
        });

        Assert.Equal("Zebra(Alpha[] a,Mid m)Alpha(uint8 x)Beta(bool y)Mid(Beta[2] b)", encoder.EncodeType("Zebra"));
        Assert.Equal("Mid(Beta[2] b)Beta(bool y)", encoder.EncodeType("Mid"));
    }

    [Fact]
    public void Usdc_domain_type_hash_and_on_chain_separators()
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>>
        {
            [Eip712Domain.TypeName] = Eip712Domain.ForToken("USDC", "2", 1, EvmAddress.Zero).Fields(),
        };
        Assert.Equal("8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f", Hex.Encode(new TypedDataEncoder(types).TypeHash(Eip712Domain.TypeName)));

        // DOMAIN_SEPARATOR() read on chain (reference/evm.md §3).
        Assert.Equal("06c37168a7db5138defc7866392bb87a741f9b3d104deb5094588ce041cae335", Separator("USD Coin", 1, "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"));
        Assert.Equal("b90e5057db141a932946e64d09ccb7ffc9b00bd79fec26f698d29af0c83320a6", Separator("USDC", 11155111, "0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238"));
        Assert.Equal("02fa7265e7c5d81118673727957699e4d68f74cd74b7db77da710fe8a2c7834f", Separator("USD Coin", 8453, "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913"));
        Assert.Equal("71f17a3b2ff373b803d70a5a07c046c1a2bc8e89c09ef722fcb047abe94c9818", Separator("USDC", 84532, "0x036CbD53842c5426634e7929541eC2318f3dCF7e"));
        Assert.Equal("fe9fa105a0e9629446730e544caa6b8d05d8d4fc93451750dc50e2ddd6d374b3", Separator("USD Coin", 43113, "0x5425890298aed601595a70AB815c96711a31Bc65"));
        Assert.Equal("caa2ce1a5703ccbe253a34eb3166df60a705c561b44b192061e28f2a985be2ca", Separator("USD Coin", 137, "0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359"));
        Assert.Equal("5cddc98319864e897e4469bd1d13c2288c677047b54b8cca12bd342adb6be9eb", Separator("USDC", 80002, "0x41E94Eb019C0762f9Bfcf9Fb1E58725BfB0e7582"));
    }

    [Fact]
    public void Unused_domain_fields_are_left_out_of_the_type()
    {
        var domain = new Eip712Domain { Name = "Permit2", ChainId = 1, VerifyingContract = EvmAddress.Parse("0x000000000022D473030F116dDEE9F6B43aC78BA3") };
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>> { [Eip712Domain.TypeName] = domain.Fields() };

        Assert.Equal("EIP712Domain(string name,uint256 chainId,address verifyingContract)", new TypedDataEncoder(types).EncodeType(Eip712Domain.TypeName));
        Assert.Equal(
            Hex.Encode(Keccak256.Hash([.. Keccak256.Hash("EIP712Domain(string name,uint256 chainId,address verifyingContract)"u8), .. Keccak256.Hash("Permit2"u8), .. Word(1), .. new byte[12], .. EvmAddress.Parse("0x000000000022D473030F116dDEE9F6B43aC78BA3").ToArray()])),
            Hex.Encode(domain.Separator()));
    }

    [Fact]
    public void Signed_integers_are_twos_complement_and_bytesN_is_right_padded()
    {
        var encoder = new TypedDataEncoder(new Dictionary<string, IReadOnlyList<TypedDataField>>
        {
            ["T"] = [new("a", "int8"), new("b", "int256"), new("c", "bytes3"), new("d", "bool"), new("e", "uint8")],
        });

        var encoded = encoder.EncodeData("T", new Dictionary<string, object?> { ["a"] = -1, ["b"] = "-2", ["c"] = "0xabcdef", ["d"] = true, ["e"] = 255 });

        Assert.Equal(new string('f', 64), Hex.Encode(encoded.AsSpan(32, 32)));
        Assert.Equal(new string('f', 63) + "e", Hex.Encode(encoded.AsSpan(64, 32)));
        Assert.Equal("abcdef" + new string('0', 58), Hex.Encode(encoded.AsSpan(96, 32)));
        Assert.Equal(new string('0', 63) + "1", Hex.Encode(encoded.AsSpan(128, 32)));
        Assert.Equal(new string('0', 62) + "ff", Hex.Encode(encoded.AsSpan(160, 32)));
    }

    [Theory]
    [InlineData("uint8", "256", "does not fit")]
    [InlineData("uint256", "-1", "does not fit")]
    [InlineData("int8", "128", "does not fit")]
    [InlineData("int8", "-129", "does not fit")]
    [InlineData("bytes4", "0x0102", "exactly 4 bytes")]
    [InlineData("address", "0x1234", "40 hex digits")]
    [InlineData("bool", "yes", "true or false")]
    [InlineData("uint256", "12.5", "not an integer")]
    [InlineData("bytes", "abcd", "0x-prefixed")]
    public void Values_that_do_not_fit_their_type_are_refused(string type, string value, string expected)
    {
        var encoder = new TypedDataEncoder(new Dictionary<string, IReadOnlyList<TypedDataField>> { ["T"] = [new("v", type)] });

        var exception = Assert.Throws<FormatException>(() => encoder.HashStruct("T", new Dictionary<string, object?> { ["v"] = value }));

        Assert.Contains("T.v", exception.Message, StringComparison.Ordinal);
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_members_wrong_array_lengths_and_unknown_types_are_refused()
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>> { ["T"] = [new("list", "uint8[2]"), new("name", "string")] };
        var encoder = new TypedDataEncoder(types);

        Assert.Contains("T.name: is missing", Assert.Throws<FormatException>(() => encoder.HashStruct("T", new Dictionary<string, object?> { ["list"] = new[] { 1, 2 } })).Message, StringComparison.Ordinal);
        Assert.Contains("expected 2 elements", Assert.Throws<FormatException>(() => encoder.HashStruct("T", new Dictionary<string, object?> { ["list"] = new[] { 1 }, ["name"] = "x" })).Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => new TypedDataEncoder(new Dictionary<string, IReadOnlyList<TypedDataField>> { ["T"] = [new("v", "uint")] }));
        Assert.Throws<FormatException>(() => new TypedDataEncoder(new Dictionary<string, IReadOnlyList<TypedDataField>> { ["T"] = [new("v", "uint7")] }));
        Assert.Throws<FormatException>(() => new TypedDataEncoder(new Dictionary<string, IReadOnlyList<TypedDataField>> { ["T"] = [new("v", "bytes33")] }));
        Assert.Throws<FormatException>(() => new TypedDataEncoder(new Dictionary<string, IReadOnlyList<TypedDataField>> { ["T"] = [new("v", "Nope")] }));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"types":{},"primaryType":"Mail","message":{}}""")]
    [InlineData("""{"types":{"Mail":[{"name":"a","type":"string"}]},"primaryType":"Mail"}""")]
    [InlineData("""{"types":{"Mail":[{"name":"a"}]},"primaryType":"Mail","message":{}}""")]
    [InlineData("""{"types":{"EIP712Domain":[{"name":"foo","type":"string"}],"Mail":[]},"primaryType":"Mail","domain":{"foo":"x"},"message":{}}""")]
    [InlineData("not json")]
    public void Malformed_typed_data_json_is_refused(string json) =>
        Assert.Throws<FormatException>(() => TypedData.Parse(json));

    private static string Separator(string name, long chainId, string token) =>
        Hex.Encode(Eip712Domain.ForToken(name, "2", chainId, EvmAddress.Parse(token)).Separator());

    private static byte[] Word(BigInteger value)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return [.. new byte[32 - bytes.Length], .. bytes];
    }
}
