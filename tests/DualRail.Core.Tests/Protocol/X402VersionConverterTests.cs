using System.Text.Json.Nodes;
using DualRail.Protocol;

namespace DualRail.Core.Tests.Protocol;

public sealed class X402VersionConverterTests
{
    [Fact]
    public void V2TermsBecomeV1EntriesWithResourceFieldsAndV1NetworkNames()
    {
        var required = new PaymentRequired
        {
            Error = "PAYMENT-SIGNATURE header is required",
            Resource = new ResourceInfo { Url = "https://x.test/premium", Description = "Premium", MimeType = "application/json" },
            Accepts =
            [
                new PaymentRequirements { Scheme = "exact", Network = "eip155:84532", Amount = "10000", Asset = "0xa", PayTo = "0xb", MaxTimeoutSeconds = 60 },
                new PaymentRequirements { Scheme = "exact", Network = "bip122:0f9188f13cb7b2c71f2a335e3a4fc328", Amount = "16000", Asset = "BTC", PayTo = "02ab", MaxTimeoutSeconds = 600 },
            ],
        };

        var v1 = X402VersionConverter.ToV1(required);
        var json = JsonNode.Parse(X402Json.Serialize(v1))!;

        Assert.Equal(1, json["x402Version"]!.GetValue<int>());
        Assert.Equal("PAYMENT-SIGNATURE header is required", json["error"]!.GetValue<string>());
        var evm = json["accepts"]![0]!;
        Assert.Equal("base-sepolia", evm["network"]!.GetValue<string>());
        Assert.Equal("10000", evm["maxAmountRequired"]!.GetValue<string>());
        Assert.Equal("https://x.test/premium", evm["resource"]!.GetValue<string>());
        Assert.Equal("Premium", evm["description"]!.GetValue<string>());
        Assert.Equal("application/json", evm["mimeType"]!.GetValue<string>());
        Assert.Null(evm["amount"]);
        Assert.Equal("bip122:0f9188f13cb7b2c71f2a335e3a4fc328", json["accepts"]![1]!["network"]!.GetValue<string>());

        var back = X402VersionConverter.FromV1(v1);
        Assert.Equal(required.Resource, back.Resource);
        Assert.True(PaymentRequirementsComparer.DeepEquals(required.Accepts[0], back.Accepts[0]));
    }

    [Fact]
    public void V1PayloadMatchesByResolvedSchemeAndNetworkOnly()
    {
        var requirement = new PaymentRequirements { Scheme = "exact", Network = "eip155:8453", Amount = "1", Asset = "0xa", PayTo = "0xb", MaxTimeoutSeconds = 60 };
        var payload = new PaymentPayload { X402Version = 1, Scheme = "exact", Network = "base", Payload = [] };
        Assert.True(X402VersionConverter.MatchesV1(payload, requirement));
        Assert.False(X402VersionConverter.MatchesV1(payload with { Network = "base-sepolia" }, requirement));
        Assert.False(X402VersionConverter.MatchesV1(payload with { Scheme = "upto" }, requirement));
    }
}
