using System.Net;
using System.Text.Json.Nodes;
using DualRail.AspNetCore.Tests.Infrastructure;
using DualRail.Protocol;

namespace DualRail.AspNetCore.Tests;

/// <summary>A payment that is final at verification (a settled Lightning invoice) is recorded settled when the handler succeeds, in every mode.</summary>
public sealed class FinalSettlementTests : IAsyncLifetime
{
    private PaidServer _server = null!;

    public async Task InitializeAsync() => _server = await PaidServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("/api/demo")] // Async
    [InlineData("/api/sync")] // Sync
    [InlineData("/api/first")] // SettleFirst
    public async Task AFinalPaymentIsRecordedSettledAtOnceWithoutASettleCallAndCannotBeReplayed(string path)
    {
        var terms = await X402TestClient.GetTermsAsync(_server.Client, path);
        var payment = X402TestClient.Pay(terms.Accepts[0], "fin", final: true);

        using var response = await X402TestClient.PaidGetAsync(_server.Client, path, payment);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var settle = X402TestClient.DecodeReceipt(response);
        Assert.True(settle.Success);
        Assert.Equal(("settled", "final-fin"), (settle.Status, settle.Transaction));
        Assert.Equal(("payer-fin", "10000", FakeRail.NetworkId), (settle.Payer, settle.Amount, settle.Network));
        var receipt = JsonNode.Parse(await _server.Client.GetStringAsync($"/x402/receipts/{settle.ReceiptId}"))!;
        Assert.Equal("settled", receipt["status"]!.GetValue<string>());
        Assert.Equal("final-fin", receipt["transaction"]!.GetValue<string>());
        Assert.Empty(_server.Rail.SettleCalls);
        Assert.DoesNotContain(_server.Rail.Events, e => e.StartsWith("settle:", StringComparison.Ordinal));

        using var replay = await X402TestClient.PaidGetAsync(_server.Client, path, payment);
        Assert.Equal(HttpStatusCode.PaymentRequired, replay.StatusCode);
        Assert.Equal(ReasonCodes.PaymentAlreadyUsed, X402TestClient.DecodeTerms(replay).Error);
        Assert.Equal(1, _server.HandlerCalls);
    }

    [Theory]
    [InlineData("/api/throws")] // Async
    [InlineData("/api/throws-sync")] // Sync
    [InlineData("/api/throws-first")] // SettleFirst
    public async Task AFinalPaymentWhoseHandlerThrowsIsReleasedAndCanBeUsedAgain(string path)
    {
        var terms = await X402TestClient.GetTermsAsync(_server.Client, path);
        var payment = X402TestClient.Pay(terms.Accepts[0], "fin-throws", final: true);

        using var failed = await X402TestClient.PaidGetAsync(_server.Client, path, payment);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.False(failed.Headers.Contains(X402Headers.PaymentResponse));

        _server.FlakyFails = false;
        using var retried = await X402TestClient.PaidGetAsync(_server.Client, path, payment);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("recovered", await retried.Content.ReadAsStringAsync());
        Assert.Equal(("settled", "final-fin-throws"), (X402TestClient.DecodeReceipt(retried).Status, X402TestClient.DecodeReceipt(retried).Transaction));
        Assert.Empty(_server.Rail.SettleCalls);
        Assert.Equal(2, _server.HandlerCalls);
    }
}
