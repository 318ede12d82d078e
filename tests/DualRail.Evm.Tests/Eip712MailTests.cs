using DualRail.Crypto;
using DualRail.Evm.Eip712;

namespace DualRail.Evm.Tests;

/// <summary>The EIP-712 "Mail" example of the spec (Example.js), reference/evm.md §1.</summary>
public sealed class Eip712MailTests
{
    private const string MailJson = """
        {
          "types": {
            "EIP712Domain": [
              { "name": "name", "type": "string" },
              { "name": "version", "type": "string" },
              { "name": "chainId", "type": "uint256" },
              { "name": "verifyingContract", "type": "address" }
            ],
            "Person": [ { "name": "name", "type": "string" }, { "name": "wallet", "type": "address" } ],
            "Mail": [ { "name": "from", "type": "Person" }, { "name": "to", "type": "Person" }, { "name": "contents", "type": "string" } ]
          },
          "primaryType": "Mail",
          "domain": { "name": "Ether Mail", "version": "1", "chainId": 1, "verifyingContract": "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC" },
          "message": {
            "from": { "name": "Cow", "wallet": "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826" },
            "to": { "name": "Bob", "wallet": "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB" },
            "contents": "Hello, Bob!"
          }
        }
        """;

    private const string EncodedData =
        "a0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2" +
        "fc71e5fa27ff56c350aa531bc129ebdf613b772b6604664f5d8dbe21b85eb0c8" +
        "cd54f074a4af31b4411ff6a60c9719dbd559c221c8ac3492d9d872b041d703d1" +
        "b5aadf3154a261abdd9086fc627b61efca26ae5702701d05cd2305f7c52a2fc8";

    public static TheoryData<string> Forms => new() { "dotnet", "json" };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_intermediate_value_matches_the_spec(string form)
    {
        var mail = Create(form);
        var encoder = new TypedDataEncoder(mail.Types);

        Assert.Equal("Mail(Person from,Person to,string contents)Person(string name,address wallet)", mail.EncodeType());
        Assert.Equal("a0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2", Hex.Encode(encoder.TypeHash("Mail")));
        Assert.Equal(EncodedData, Hex.Encode(encoder.EncodeData("Mail", mail.Message)));
        Assert.Equal("c52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e", Hex.Encode(mail.HashStruct()));
        Assert.Equal("f2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f", Hex.Encode(mail.DomainSeparator()));
        Assert.Equal("be609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2", Hex.Encode(mail.Digest()));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Cow_signs_the_spec_signature_and_is_recovered(string form)
    {
        var mail = Create(form);
        var cowKey = Keccak256.Hash("cow"u8);

        var signature = mail.Sign(cowKey);

        Assert.Equal("0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b915621c", signature.ToHex());
        Assert.Equal(EvmAddress.Parse("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"), mail.RecoverSigner(signature));
    }

    [Fact]
    public void Json_round_trip_keeps_the_digest()
    {
        var mail = Create("dotnet");

        var reparsed = TypedData.Parse(mail.ToJson().ToJsonString());

        Assert.Equal(Hex.Encode(mail.Digest()), Hex.Encode(reparsed.Digest()));
    }

    [Fact]
    public void Domain_separator_from_the_domain_record_alone()
    {
        var domain = new Eip712Domain { Name = "Ether Mail", Version = "1", ChainId = 1, VerifyingContract = EvmAddress.Parse("0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC") };

        Assert.Equal("f2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f", Hex.Encode(domain.Separator()));
    }

    private static TypedData Create(string form) => form == "json"
        ? TypedData.Parse(MailJson)
        : new TypedData
        {
            Domain = new Eip712Domain { Name = "Ether Mail", Version = "1", ChainId = 1, VerifyingContract = EvmAddress.Parse("0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC") },
            Types = new Dictionary<string, IReadOnlyList<TypedDataField>>
            {
                ["Person"] = [new("name", "string"), new("wallet", "address")],
                ["Mail"] = [new("from", "Person"), new("to", "Person"), new("contents", "string")],
            },
            PrimaryType = "Mail",
            Message = new Dictionary<string, object?>
            {
                ["from"] = new Dictionary<string, object?> { ["name"] = "Cow", ["wallet"] = EvmAddress.Parse("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826") },
                ["to"] = new Dictionary<string, object?> { ["name"] = "Bob", ["wallet"] = "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB" },
                ["contents"] = "Hello, Bob!",
            },
        };
}
