using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DualRail.AspNetCore.Tests.Infrastructure;
using DualRail.Protocol;

namespace DualRail.AspNetCore.Tests;

/// <summary>Issue 2 item 5: bad input gets 400 or 402 with the spec's reason code, never a 500, and is never served.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private PaidServer _server = null!;
    private PaymentRequirements _accepted = null!;

    public async Task InitializeAsync()
    {
        _server = await PaidServer.StartAsync();
        _accepted = (await X402TestClient.GetTermsAsync(_server.Client, "/api/demo")).Accepts[0];
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string B64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    private string ValidJson(Action<JsonObject>? edit = null)
    {
        var payload = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(X402TestClient.Pay(_accepted))))!.AsObject();
        edit?.Invoke(payload);
        return payload.ToJsonString();
    }

    private async Task<(HttpStatusCode Status, string? Reason)> SendAsync(string? signature, string? xPayment = null)
    {
        using var request = X402TestClient.Request("/api/demo", signature, xPayment);
        using var response = await _server.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("demo content", body);
        string? reason = response.StatusCode switch
        {
            HttpStatusCode.BadRequest => JsonNode.Parse(body)!["error"]!.GetValue<string>(),
            HttpStatusCode.PaymentRequired => X402TestClient.DecodeTerms(response).Error,
            _ => null,
        };
        return (response.StatusCode, reason);
    }

    private async Task AssertRefusedAsync(HttpStatusCode status, string reason, string? signature, string? xPayment = null)
    {
        Assert.Equal((status, reason), await SendAsync(signature, xPayment));
        Assert.Equal(0, _server.HandlerCalls);
        Assert.Empty(_server.Rail.SettleCalls);
    }

    [Fact]
    public Task AHeaderOver16KiBIsRefused() =>
        AssertRefusedAsync(HttpStatusCode.BadRequest, ReasonCodes.InvalidPayload,
            B64(ValidJson(p => p["extensions"] = new JsonObject { ["pad"] = new string('x', 16 * 1024) })));

    [Fact]
    public Task InvalidBase64IsRefused() => AssertRefusedAsync(HttpStatusCode.BadRequest, ReasonCodes.InvalidPayload, "%%%not-base64%%%");

    [Fact]
    public Task InvalidJsonIsRefused() => AssertRefusedAsync(HttpStatusCode.BadRequest, ReasonCodes.InvalidPayload, B64("{\"x402Version\":2,"));

    [Fact]
    public Task WrongTypesAreRefused() =>
        AssertRefusedAsync(HttpStatusCode.BadRequest, ReasonCodes.InvalidPayload, B64(ValidJson(p => p["payload"] = "a string")));

    [Fact]
    public Task AnAcceptedWithTheWrongTypesIsRefused() =>
        AssertRefusedAsync(HttpStatusCode.BadRequest, ReasonCodes.InvalidPayload, B64(ValidJson(p => p["accepted"]!["maxTimeoutSeconds"] = "300")));

    [Theory]
    [InlineData("-10000")]
    [InlineData("100.5")]
    [InlineData("1e4")]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007913129639936")]
    public Task NegativeFractionalOrOverflowingAmountsAreRefused(string amount) =>
        AssertRefusedAsync(HttpStatusCode.BadRequest, ReasonCodes.InvalidPaymentRequirements, B64(ValidJson(p => p["accepted"]!["amount"] = amount)));

    [Fact]
    public Task AnUnknownSchemeIsRefused() =>
        AssertRefusedAsync(HttpStatusCode.PaymentRequired, ReasonCodes.UnsupportedScheme, B64(ValidJson(p => p["accepted"]!["scheme"] = "upto")));

    [Fact]
    public Task AnUnknownNetworkIsRefused() =>
        AssertRefusedAsync(HttpStatusCode.PaymentRequired, ReasonCodes.InvalidNetwork, B64(ValidJson(p => p["accepted"]!["network"] = "eip155:999999")));

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public Task AnX402VersionOtherThan1Or2IsRefused(int version) =>
        AssertRefusedAsync(HttpStatusCode.BadRequest, ReasonCodes.InvalidX402Version, B64(ValidJson(p => p["x402Version"] = version)));

    [Fact]
    public Task BothHeadersWithDifferentValuesAreRefused() =>
        AssertRefusedAsync(HttpStatusCode.BadRequest, ReasonCodes.InvalidPayload, X402TestClient.Pay(_accepted), X402TestClient.Pay(_accepted));

    [Fact]
    public async Task BothHeadersWithTheSameValueAreOnePayment()
    {
        var payment = X402TestClient.Pay(_accepted);
        using var request = X402TestClient.Request("/api/demo", payment, payment);
        using var response = await _server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("demo content", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, _server.HandlerCalls);
    }

    [Fact]
    public Task APayloadMatchingNoIssuedRequirementIsRefused() =>
        AssertRefusedAsync(HttpStatusCode.PaymentRequired, ReasonCodes.InvalidPaymentRequirements, B64(ValidJson(p => p["accepted"]!["amount"] = "9999")));

    [Fact]
    public Task AnAcceptedWithAnExtraMemberMatchesNothing() =>
        AssertRefusedAsync(HttpStatusCode.PaymentRequired, ReasonCodes.InvalidPaymentRequirements, B64(ValidJson(p => p["accepted"]!["payTo"] = "attacker")));

    [Fact]
    public Task AProofTheRailRejectsIsRefusedWithTheRailsReason() =>
        AssertRefusedAsync(HttpStatusCode.PaymentRequired, ReasonCodes.InvalidExactEvmPayloadSignature, X402TestClient.Pay(_accepted, valid: false));

    [Fact]
    public Task AnEmptyHeaderIsRefused() => AssertRefusedAsync(HttpStatusCode.BadRequest, ReasonCodes.InvalidPayload, "");
}
