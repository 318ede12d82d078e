using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DualRail.Interop.Tests.Infrastructure;
using DualRail.Rails;

namespace DualRail.Interop.Tests;

/// <summary>
/// Case 1: the reference client (@x402/fetch + @x402/evm, a viem account) pays a DualRail server's
/// EVM rail, whatever the route's settlement mode, and the payment is settled on chain once.
/// Case 5: the same DualRail server verifies and settles through the reference facilitator.
/// Case 6 (server side): a DualRail server that refuses answers a 402 the reference client reads,
/// with the reason the reference server gives for the same payment.
/// </summary>
public sealed class DualRailServerTests(DualRailServersFixture chain) : IClassFixture<DualRailServersFixture>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    [NodeTheory]
    [InlineData(FacilitatorImplementation.DualRail, SettlementMode.Sync)]
    [InlineData(FacilitatorImplementation.DualRail, SettlementMode.SettleFirst)]
    [InlineData(FacilitatorImplementation.Reference, SettlementMode.Sync)]
    [InlineData(FacilitatorImplementation.Reference, SettlementMode.SettleFirst)]
    public async Task Reference_client_pays_a_DualRail_server_that_settles_before_answering(FacilitatorImplementation facilitator, SettlementMode mode)
    {
        var server = chain.Server(facilitator);
        var payToBefore = await chain.BalanceOfAsync(chain.PayTo);

        var result = await ReferenceClient.PayAsync(server.Resource(mode), chain.Payer);

        Assert.True(result["error"] is null, result.ToJsonString());
        Assert.Equal(200, result["status"]!.GetValue<int>());
        Assert.True(result["body"]!["served"]!.GetValue<bool>());
        var chosen = result["chosen"]!;
        Assert.Equal("eip155:84532", chosen["requirements"]!["network"]!.GetValue<string>());
        Assert.Equal(DualRailServerHost.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture), chosen["requirements"]!["amount"]!.GetValue<string>());

        // What the spec's SettleResponse says: success, the transaction hash, the CAIP-2 network, the payer.
        var receipt = result["paymentResponse"]!.AsObject();
        Assert.True(receipt["success"]!.GetValue<bool>(), receipt.ToJsonString());
        Assert.Equal("eip155:84532", receipt["network"]!.GetValue<string>());
        Assert.Equal(chain.Payer.Address, receipt["payer"]!.GetValue<string>(), ignoreCase: true);
        var transaction = receipt["transaction"]!.GetValue<string>();
        Assert.Matches("^0x[0-9a-fA-F]{64}$", transaction);
        var mined = await chain.Anvil.Rpc.WaitForReceiptAsync(transaction);
        Assert.Equal("0x1", mined.GetProperty("status").GetString());

        Assert.Equal(payToBefore + DualRailServerHost.Amount, await chain.BalanceOfAsync(chain.PayTo));
        var nonce = result["sent"]!["payload"]!["authorization"]!["nonce"]!.GetValue<string>();
        Assert.True(await chain.Anvil.AuthorizationStateAsync(chain.BaseSepoliaToken, chain.Payer.Address, nonce));
    }

    [NodeTheory]
    [InlineData(FacilitatorImplementation.DualRail)]
    [InlineData(FacilitatorImplementation.Reference)]
    public async Task Reference_client_pays_a_DualRail_server_that_settles_in_the_background(FacilitatorImplementation facilitator)
    {
        var server = chain.Server(facilitator);
        var payToBefore = await chain.BalanceOfAsync(chain.PayTo);

        var result = await ReferenceClient.PayAsync(server.Resource(SettlementMode.Async), chain.Payer);

        Assert.True(result["error"] is null, result.ToJsonString());
        Assert.Equal(200, result["status"]!.GetValue<int>());
        var receipt = result["paymentResponse"]!.AsObject();
        Assert.True(receipt["success"]!.GetValue<bool>(), receipt.ToJsonString());
        Assert.Equal("eip155:84532", receipt["network"]!.GetValue<string>());
        // DualRail's pending receipt (README "Interoperability"): no transaction yet, status and receipt id added.
        Assert.Equal("", receipt["transaction"]!.GetValue<string>());
        Assert.Equal("pending", receipt["status"]!.GetValue<string>());
        var receiptId = receipt["receiptId"]!.GetValue<string>();

        // The answer did not wait for the chain; the settlement worker settles it, once.
        var settled = await WaitForReceiptAsync(server, receiptId, r => r["status"]?.GetValue<string>() != "pending");
        Assert.Equal("settled", settled["status"]!.GetValue<string>());
        var transaction = settled["transaction"]!.GetValue<string>();
        var mined = await chain.Anvil.Rpc.WaitForReceiptAsync(transaction);
        Assert.Equal("0x1", mined.GetProperty("status").GetString());
        Assert.Equal(payToBefore + DualRailServerHost.Amount, await chain.BalanceOfAsync(chain.PayTo));
    }

    [NodeTheory]
    [InlineData("amount")]
    [InlineData("expired")]
    [InlineData("signature")]
    public async Task Refusal_by_a_DualRail_server_is_a_402_the_reference_client_reads_with_the_reference_reason(string tamper)
    {
        var payToBefore = await chain.BalanceOfAsync(chain.PayTo);
        var reference = await ReferenceClient.PayAsync(chain.ReferenceServer.ResourceUrl(), chain.Payer, tamper);
        var referenceReason = ReadRefusal(reference);

        foreach (var facilitator in Enum.GetValues<FacilitatorImplementation>())
        {
            var result = await ReferenceClient.PayAsync(chain.Server(facilitator).Resource(SettlementMode.Sync), chain.Payer, tamper);

            Assert.Equal(referenceReason, ReadRefusal(result));
            // The fresh terms are the ones the client chose from the first time.
            Assert.True(JsonNode.DeepEquals(result["offered"]!["accepts"], result["paymentRequired"]!["accepts"]));
        }

        Assert.Equal(payToBefore, await chain.BalanceOfAsync(chain.PayTo));
    }

    [NodeTheory]
    [InlineData(FacilitatorImplementation.DualRail)]
    [InlineData(FacilitatorImplementation.Reference)]
    public async Task Replayed_payment_to_a_DualRail_server_is_refused_and_settles_once(FacilitatorImplementation facilitator)
    {
        var server = chain.Server(facilitator);
        var payToBefore = await chain.BalanceOfAsync(chain.PayTo);
        var paid = await ReferenceClient.PayAsync(server.Resource(SettlementMode.Sync), chain.Payer);
        Assert.Equal(200, paid["status"]!.GetValue<int>());

        using var request = new HttpRequestMessage(HttpMethod.Get, server.Resource(SettlementMode.Sync));
        request.Headers.Add("PAYMENT-SIGNATURE", Convert.ToBase64String(Encoding.UTF8.GetBytes(paid["sent"]!.ToJsonString())));
        using var replay = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.PaymentRequired, replay.StatusCode);
        var required = JsonNode.Parse(Convert.FromBase64String(replay.Headers.GetValues("PAYMENT-REQUIRED").Single()))!;
        Assert.Equal("invalid_exact_evm_nonce_already_used", required["error"]!.GetValue<string>());
        Assert.Equal(payToBefore + DualRailServerHost.Amount, await chain.BalanceOfAsync(chain.PayTo));
    }

    private static string ReadRefusal(JsonObject result)
    {
        Assert.True(result["error"] is null, result.ToJsonString());
        Assert.Equal(402, result["status"]!.GetValue<int>());
        Assert.Null(result["paymentResponse"]);
        var required = result["paymentRequired"]!.AsObject();
        Assert.True(required["parseError"] is null, required.ToJsonString());
        Assert.Equal(2, required["x402Version"]!.GetValue<int>());
        return required["error"]!.GetValue<string>();
    }

    private static async Task<JsonObject> WaitForReceiptAsync(DualRailServerHost server, string receiptId, Func<JsonObject, bool> done)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var text = await Http.GetStringAsync($"{server.Url}/x402/receipts/{receiptId}", cts.Token);
            var receipt = JsonNode.Parse(text)!.AsObject();
            if (done(receipt))
                return receipt;
            await Task.Delay(100, cts.Token);
        }
    }
}
