using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DualRail.Facilitator.Tests.Support;
using DualRail.Protocol;
using DualRail.TestSupport;

namespace DualRail.Facilitator.Tests;

public sealed class SupportedTests(FacilitatorFixture fixture) : IClassFixture<FacilitatorFixture>
{
    [Fact]
    public async Task Supported_lists_exact_on_the_configured_chain_for_v2_and_v1_and_the_relayer()
    {
        var supported = await fixture.Host.Client.GetFromJsonAsync<SupportedResponse>("/supported", X402Json.Options);

        Assert.NotNull(supported);
        Assert.Contains(supported.Kinds, k => k is { X402Version: 2, Scheme: "exact", Network: "eip155:84532" });
        Assert.Contains(supported.Kinds, k => k is { X402Version: 1, Scheme: "exact", Network: "base-sepolia" });
        Assert.Equal([FacilitatorFixture.Relayer.Address], supported.Signers!["eip155:*"]);
    }

    [Fact]
    public async Task A_v1_body_is_verified_with_v1_requirements()
    {
        await fixture.Anvil.MintAsync(fixture.BaseSepoliaToken, DevAccounts.Account1.Address, 1_000_000);
        var scenario = new PaymentScenario
        {
            Anvil = fixture.Anvil,
            Token = fixture.BaseSepoliaToken,
            Signer = DevAccounts.Account1,
            PayTo = DevAccounts.Account2.Address,
        };
        var v2 = await scenario.BuildBodyAsync();
        var body = new JsonObject
        {
            ["x402Version"] = 1,
            ["paymentPayload"] = new JsonObject
            {
                ["x402Version"] = 1,
                ["scheme"] = "exact",
                ["network"] = "base-sepolia",
                ["payload"] = v2["paymentPayload"]!["payload"]!.DeepClone(),
            },
            ["paymentRequirements"] = new JsonObject
            {
                ["scheme"] = "exact",
                ["network"] = "base-sepolia",
                ["maxAmountRequired"] = "10000",
                ["resource"] = "http://127.0.0.1/paid",
                ["description"] = "",
                ["mimeType"] = "application/json",
                ["asset"] = fixture.BaseSepoliaToken,
                ["payTo"] = DevAccounts.Account2.Address,
                ["maxTimeoutSeconds"] = 300,
                ["extra"] = new JsonObject { ["name"] = "USDC", ["version"] = "2" },
            },
        };

        var verify = await fixture.Host.Client.VerifyAsync(body);

        Assert.True(verify.IsValid, verify.InvalidReason + " " + verify.InvalidMessage);
        Assert.Equal(DevAccounts.Account1.Address, verify.Payer);
    }

    [Fact]
    public async Task The_relayer_key_never_reaches_the_log()
    {
        await fixture.Host.Client.GetAsync("/supported");
        var key = FacilitatorFixture.Relayer.PrivateKey[2..];

        Assert.NotEmpty(fixture.Host.Logs.Lines);
        Assert.DoesNotContain(fixture.Host.Logs.Lines, line => line.Contains(key, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(fixture.Host.Logs.Lines, line => line.Contains(FacilitatorFixture.Relayer.Address, StringComparison.Ordinal));
    }
}
