using System.Net;
using System.Text.Json.Nodes;
using DualRail.AspNetCore.Tests.Infrastructure;
using DualRail.Protocol;
using DualRail.Rails;

namespace DualRail.AspNetCore.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task ARestartedServerFinishesSettlementsLeftPendingAndStillRefusesTheReplay()
    {
        string receiptId;
        string payment;
        string ledgerPath;
        await using (var before = await PaidServer.StartAsync())
        {
            // The facilitator is down for the whole life of the first process.
            before.Rail.SettleOutcome = _ => PaymentSettlement.Failed(FakeRail.NetworkId, ReasonCodes.UnexpectedSettleError, "facilitator unreachable", transient: true);
            var terms = await X402TestClient.GetTermsAsync(before.Client, "/api/demo");
            payment = X402TestClient.Pay(terms.Accepts[0], "restart");
            using var paid = await X402TestClient.PaidGetAsync(before.Client, "/api/demo", payment);
            Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
            receiptId = X402TestClient.DecodeReceipt(paid).ReceiptId!;
            await Eventually.WaitAsync(() => Task.FromResult(before.Rail.SettleCalls.GetValueOrDefault("restart")), n => n >= 1, "a first failed attempt");
            ledgerPath = before.LedgerPath;
        }

        await using var after = await PaidServer.StartAsync(ledgerPath);
        var receipt = await Eventually.WaitAsync(
            async () => JsonNode.Parse(await after.Client.GetStringAsync($"/x402/receipts/{receiptId}"))!,
            r => r["status"]!.GetValue<string>() == "settled", "the restarted worker to settle");
        Assert.Equal("tx-restart", receipt["transaction"]!.GetValue<string>());
        Assert.Equal(1, after.Rail.SettleCalls["restart"]);

        using var replay = await X402TestClient.PaidGetAsync(after.Client, "/api/demo", payment);
        Assert.Equal(HttpStatusCode.PaymentRequired, replay.StatusCode);
        Assert.Equal(ReasonCodes.PaymentAlreadyUsed, X402TestClient.DecodeTerms(replay).Error);
    }
}
