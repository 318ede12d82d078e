using System.Text.Json.Nodes;
using DualRail.Evm.Facilitators;
using DualRail.Protocol;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DualRail.Evm.Tests.Facilitators;

/// <summary>A facilitator client over <see cref="FakeFacilitatorHandler"/> with a fake clock.</summary>
internal sealed class FacilitatorClientHarness
{
    public const string Network = "eip155:84532";

    public FacilitatorClientHarness(params string[] hosts)
    {
        Options = new FacilitatorClientOptions
        {
            Facilitators = hosts.Select(h => new FacilitatorEndpointOptions { Url = $"http://{h}/x402/" }).ToList(),
            SupportedRetryMinSeconds = 1,
            SupportedRetryMaxSeconds = 8,
        };
    }

    public FakeFacilitatorHandler Handler { get; } = new();

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-11-27T20:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public FacilitatorClientOptions Options { get; }

    public static FacilitatorKind Kind => new(2, "exact", Network);

    public HttpFacilitatorClient Create() =>
        new(new SingleHandlerHttpClientFactory(Handler), Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<HttpFacilitatorClient>.Instance);

    public void Supports(string host, params string[] networks) =>
        Handler.Json(host, "/x402/supported", new JsonObject
        {
            ["kinds"] = new JsonArray(networks.Select(n => (JsonNode)new JsonObject { ["x402Version"] = 2, ["scheme"] = "exact", ["network"] = n }).ToArray()),
        }.ToJsonString());

    public static FacilitatorRequest Request(string network = Network)
    {
        var requirements = new PaymentRequirements
        {
            Scheme = "exact",
            Network = network,
            Amount = "10000",
            Asset = "0x036CbD53842c5426634e7929541eC2318f3dCF7e",
            PayTo = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
            MaxTimeoutSeconds = 60,
            Extra = new JsonObject { ["name"] = "USDC", ["version"] = "2" },
        };
        return new FacilitatorRequest
        {
            PaymentPayload = new PaymentPayload { X402Version = 2, Accepted = requirements, Payload = new JsonObject { ["signature"] = "0x00" } },
            PaymentRequirements = requirements,
        };
    }

    public const string Valid = """{"isValid":true,"payer":"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"}""";

    public const string Settled = """{"success":true,"transaction":"0xabc","network":"eip155:84532","payer":"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"}""";
}
