using System.Text;
using System.Text.Json.Nodes;
using DualRail.Protocol;

namespace DualRail.Core.Tests.Protocol;

public sealed class X402HeaderCodecTests
{
    private const string V2Payload = """
        {"x402Version":2,"resource":{"url":"https://api.example.com/premium-data"},
         "accepted":{"scheme":"exact","network":"eip155:84532","amount":"10000",
           "asset":"0x036CbD53842c5426634e7929541eC2318f3dCF7e","payTo":"0x209693Bc6afc0C5328bA36FaF03C514EF312287C",
           "maxTimeoutSeconds":60,"extra":{"name":"USDC","version":"2"},"futureField":{"a":[1,2]}},
         "payload":{"signature":"0xabc","authorization":{"from":"0x1","to":"0x2","value":"10000"}},
         "extensions":{}}
        """;

    private static string B64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void DecodesV2PayloadAndKeepsUnknownMembers()
    {
        Assert.True(X402HeaderCodec.TryDecodePaymentPayload(B64(V2Payload), out var payload, out var reason), reason);
        Assert.NotNull(payload);
        Assert.Equal(2, payload.X402Version);
        Assert.Equal("exact", payload.EffectiveScheme);
        Assert.Equal("eip155:84532", payload.EffectiveNetwork);
        Assert.Equal("10000", payload.Accepted!.Amount);
        Assert.Equal("0xabc", payload.Payload["signature"]!.GetValue<string>());

        var reencoded = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(X402HeaderCodec.Encode(payload))));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(V2Payload), reencoded), reencoded!.ToJsonString());
    }

    [Fact]
    public void DecodesV1PayloadAndResolvesTheV1NetworkName()
    {
        var json = """{"x402Version":1,"scheme":"exact","network":"base-sepolia","payload":{"signature":"0x1"}}""";
        Assert.True(X402HeaderCodec.TryDecodePaymentPayload(B64(json), out var payload, out var reason), reason);
        Assert.Equal("exact", payload!.EffectiveScheme);
        Assert.Equal("eip155:84532", payload.EffectiveNetwork);
    }

    public static TheoryData<string, string> BadHeaders => new()
    {
        { "", ReasonCodes.InvalidPayload },
        { "not base64 !!!", ReasonCodes.InvalidPayload },
        { B64("{not json"), ReasonCodes.InvalidPayload },
        { B64("[1,2,3]"), ReasonCodes.InvalidPayload },
        { B64("\"just a string\""), ReasonCodes.InvalidPayload },
        { B64("""{"x402Version":"2","accepted":{},"payload":{}}"""), ReasonCodes.InvalidPayload },
        { B64("""{"x402Version":3,"payload":{}}"""), ReasonCodes.InvalidX402Version },
        { B64("""{"x402Version":0,"payload":{}}"""), ReasonCodes.InvalidX402Version },
        { B64("""{"x402Version":2,"payload":{}}"""), ReasonCodes.InvalidPayload },
        { B64("""{"x402Version":1,"network":"base","payload":{}}"""), ReasonCodes.InvalidScheme },
        { B64("""{"x402Version":1,"scheme":"exact","payload":{}}"""), ReasonCodes.InvalidNetwork },
        { B64("""{"x402Version":1,"scheme":"exact","network":"base"}"""), ReasonCodes.InvalidPayload },
        { B64("""{"x402Version":1,"scheme":"exact","network":"base","payload":"x"}"""), ReasonCodes.InvalidPayload },
        { B64("""{"x402Version":1,"x402Version":2,"scheme":"exact","network":"base","payload":{}}"""), ReasonCodes.InvalidPayload },
        { B64(V2Payload.Replace("\"maxTimeoutSeconds\":60", "\"maxTimeoutSeconds\":\"60\"")), ReasonCodes.InvalidPayload },
        { B64(V2Payload.Replace("\"amount\":\"10000\"", "\"amount\":10000")), ReasonCodes.InvalidPayload },
        { B64(V2Payload.Replace("\"amount\":\"10000\"", "\"amount\":\"-10000\"")), ReasonCodes.InvalidPaymentRequirements },
        { B64(V2Payload.Replace("\"amount\":\"10000\"", "\"amount\":\"100.5\"")), ReasonCodes.InvalidPaymentRequirements },
        { B64(V2Payload.Replace("\"amount\":\"10000\"", "\"amount\":\"" + new string('9', 79) + "\"")), ReasonCodes.InvalidPaymentRequirements },
        { B64(V2Payload.Replace("\"amount\":\"10000\"", "\"amount\":\"1e5\"")), ReasonCodes.InvalidPaymentRequirements },
    };

    [Theory]
    [MemberData(nameof(BadHeaders))]
    public void RefusesBadHeadersWithAReasonAndNeverThrows(string header, string expectedReason)
    {
        Assert.False(X402HeaderCodec.TryDecodePaymentPayload(header, out var payload, out var reason));
        Assert.Null(payload);
        Assert.Equal(expectedReason, reason);
    }

    [Fact]
    public void RefusesHeadersOver16KiB()
    {
        var padded = V2Payload.Replace("\"extensions\":{}", "\"extensions\":{\"pad\":\"" + new string('x', 16 * 1024) + "\"}");
        Assert.False(X402HeaderCodec.TryDecodePaymentPayload(B64(padded), out _, out var reason));
        Assert.Equal(ReasonCodes.InvalidPayload, reason);
    }

    [Fact]
    public void EncodesTermsAsBase64CamelCaseJsonWithoutNulls()
    {
        var required = new PaymentRequired
        {
            Resource = new ResourceInfo { Url = "https://x.test/a" },
            Accepts = [new PaymentRequirements { Scheme = "exact", Network = "eip155:8453", Amount = "1", Asset = "0xa", PayTo = "0xb", MaxTimeoutSeconds = 60 }],
        };
        var json = JsonNode.Parse(Convert.FromBase64String(X402HeaderCodec.Encode(required)))!.AsObject();
        Assert.Equal(2, json["x402Version"]!.GetValue<int>());
        Assert.False(json.ContainsKey("error"));
        Assert.Equal("1", json["accepts"]![0]!["amount"]!.GetValue<string>());
        Assert.False(json["accepts"]![0]!.AsObject().ContainsKey("extra"));

        Assert.True(X402HeaderCodec.TryDecode<PaymentRequired>(X402HeaderCodec.Encode(required), out var back, out _));
        Assert.True(PaymentRequirementsComparer.DeepEquals(required.Accepts[0], back!.Accepts[0]));
    }
}
