using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DualRail.Facilitator.Tests.Support;
using DualRail.Protocol;
using DualRail.TestSupport;

namespace DualRail.Facilitator.Tests;

/// <summary>Garbage in: 400 with a JSON x402 answer naming the problem, never a 500.</summary>
public sealed class MalformedRequestTests(FacilitatorFixture fixture) : IClassFixture<FacilitatorFixture>
{
    public static TheoryData<string> BadBodies => new()
    {
        "",
        "not json",
        "[]",
        "42",
        "{}",
        """{"x402Version":2}""",
        """{"x402Version":2,"paymentPayload":{},"paymentRequirements":{}}""",
        """{"x402Version":2,"paymentPayload":"x","paymentRequirements":{}}""",
        """{"x402Version":3,"paymentPayload":{"x402Version":3,"payload":{}},"paymentRequirements":{"scheme":"exact","network":"eip155:84532","amount":"1","asset":"0x036CbD53842c5426634e7929541eC2318f3dCF7e","payTo":"0x036CbD53842c5426634e7929541eC2318f3dCF7e","maxTimeoutSeconds":60}}""",
        """{"x402Version":2,"paymentPayload":{"x402Version":2,"payload":{}},"paymentRequirements":{"scheme":"exact"}}""",
        """{"x402Version":2,"paymentPayload":{"x402Version":2,"payload":{}},"paymentRequirements":{"scheme":"exact","network":"eip155:84532","amount":"1","asset":"0x036CbD53842c5426634e7929541eC2318f3dCF7e","payTo":"0x036CbD53842c5426634e7929541eC2318f3dCF7e","maxTimeoutSeconds":60}}""",
        """{"x402Version":2,"x402Version":2}""",
    };

    /// <summary>A well-formed envelope whose EIP-3009 payload is broken in one place each.</summary>
    public static TheoryData<string, string?> BadAuthorizations => new()
    {
        { "authorization", null },
        { "signature", null },
        { "signature", "0xzz" },
        { "signature", "1234" },
        { "from", "0x1234" },
        { "to", "not an address" },
        { "to", "70997970C51812dc3A010C7d01b50e0d17dc79C8" },
        { "from", "0x70997970c51812dc3a010c7d01b50e0d17dc79C8" },
        { "value", "1.5" },
        { "value", "-1" },
        { "value", "010000" },
        { "value", "115792089237316195423570985008687907853269984665640564039457584007913129639936" },
        { "validBefore", "" },
        { "nonce", "0x1234" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_bodies_get_400_with_invalid_payload(string body)
    {
        foreach (var endpoint in new[] { "/verify", "/settle" })
        {
            using var response = await fixture.Host.Client.PostAsync(endpoint, new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var reasonProperty = endpoint == "/verify" ? "invalidReason" : "errorReason";
            Assert.Equal(ReasonCodes.InvalidPayload, json.RootElement.GetProperty(reasonProperty).GetString());
        }
    }

    [Theory]
    [MemberData(nameof(BadAuthorizations))]
    public async Task Broken_eip3009_payloads_get_400_with_invalid_payload(string field, string? value)
    {
        var body = await new PaymentScenario
        {
            Anvil = fixture.Anvil,
            Token = fixture.BaseSepoliaToken,
            Signer = DevAccounts.Account1,
            PayTo = DevAccounts.Account2.Address,
        }.BuildBodyAsync();
        var payload = body["paymentPayload"]!["payload"]!.AsObject();
        var target = field is "authorization" or "signature" ? payload : payload["authorization"]!.AsObject();
        if (value is null)
            target.Remove(field);
        else
            target[field] = value;

        using var response = await fixture.Host.Client.PostAsJsonAsync("/verify", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<VerifyResponse>(X402Json.Options);
        Assert.False(answer!.IsValid);
        Assert.Equal(ReasonCodes.InvalidPayload, answer.InvalidReason);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_without_reading_it_all()
    {
        var huge = new string('x', 200 * 1024);
        using var response = await fixture.Host.Client.PostAsync("/verify", new StringContent($$"""{"pad":"{{huge}}"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(ReasonCodes.InvalidPayload, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["invalidReason"]!.GetValue<string>());
    }
}
