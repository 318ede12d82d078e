using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using DualRail.Protocol;

namespace DualRail.Benchmarks.Protocol;

/// <summary>The x402 v2 PAYMENT-SIGNATURE header of an EVM payment: base64 + JSON, both ways.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class HeaderCodecBenchmarks
{
    private readonly PaymentPayload payload = new()
    {
        X402Version = 2,
        Accepted = new PaymentRequirements
        {
            Scheme = "exact",
            Network = "eip155:84532",
            Amount = "10000",
            Asset = "0x036CbD53842c5426634e7929541eC2318f3dCF7e",
            PayTo = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
            MaxTimeoutSeconds = 300,
            Extra = new JsonObject { ["name"] = "USDC", ["version"] = "2" },
        },
        Payload = new JsonObject
        {
            ["signature"] = "0x" + new string('a', 130),
            ["authorization"] = new JsonObject
            {
                ["from"] = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
                ["to"] = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
                ["value"] = "10000",
                ["validAfter"] = "1700000000",
                ["validBefore"] = "1900000000",
                ["nonce"] = "0x" + new string('b', 64),
            },
        },
    };

    private string header = "";

    [GlobalSetup]
    public void Setup() => header = X402HeaderCodec.Encode(payload);

    [Benchmark]
    public string Encode() => X402HeaderCodec.Encode(payload);

    [Benchmark]
    public PaymentPayload? Decode()
    {
        X402HeaderCodec.TryDecodePaymentPayload(header, out var decoded, out _);
        return decoded;
    }
}
