using System.Net;
using System.Numerics;
using System.Text.Json;
using DualRail.Integration.Tests.Evm.Infrastructure;
using DualRail.Protocol;
using DualRail.TestSupport;

namespace DualRail.Integration.Tests.Evm;

/// <summary>402 → sign → retry → 200 → settled, through Kestrel, the middleware, the EVM rail, our facilitator and Anvil.</summary>
public sealed class EvmPaymentFlowTests(EvmStackFixture stack) : IClassFixture<EvmStackFixture>
{
    private static readonly BigInteger Cent = 10_000;
    private static readonly string[] Replayed = [ReasonCodes.PaymentAlreadyUsed, ReasonCodes.InvalidExactEvmNonceAlreadyUsed];

    [Fact]
    public async Task A_paid_request_is_served_at_once_and_settled_on_chain_in_the_background()
    {
        var server = stack.Server;
        var payer = DevAccounts.Account2;
        var merchantBefore = await stack.BalanceAsync(EvmStackFixture.Merchant.Address);
        var payerBefore = await stack.BalanceAsync(payer.Address);

        var required = await EvmPayer.RequireAsync(server.Client, EvmPaidServer.AsyncPath);
        var accepted = EvmPayer.EvmAccept(required);
        Assert.Equal(stack.Anvil.Network, accepted.Network);
        Assert.Equal("10000", accepted.Amount);
        Assert.Equal(EvmStackFixture.Merchant.Address, accepted.PayTo);

        var authorization = EvmPayer.Draft(accepted, payer);
        using var paid = await EvmPayer.SendAsync(server.Client, EvmPaidServer.AsyncPath, authorization.ToHeader());

        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal(EvmPaidServer.Content, await paid.Content.ReadAsStringAsync());
        var receipt = EvmPayer.PaymentResponse(paid);
        Assert.Equal("pending", receipt.Status);
        Assert.Equal(payer.Address, receipt.Payer);

        var settled = await Eventually.WaitAsync(() => ReceiptAsync(server.Client, receipt.ReceiptId!), r => r.GetProperty("status").GetString() != "pending", "the settlement");
        Assert.Equal("settled", settled.GetProperty("status").GetString());
        var transaction = settled.GetProperty("transaction").GetString()!;
        var chainReceipt = await stack.Anvil.Rpc.WaitForReceiptAsync(transaction);
        Assert.Equal("0x1", chainReceipt.GetProperty("status").GetString());

        Assert.Equal(merchantBefore + Cent, await stack.BalanceAsync(EvmStackFixture.Merchant.Address));
        Assert.Equal(payerBefore - Cent, await stack.BalanceAsync(payer.Address));
        Assert.True(await stack.Anvil.AuthorizationStateAsync(stack.BaseSepoliaToken, payer.Address, authorization.NonceHex));
    }

    [Fact]
    public async Task A_sync_route_answers_with_the_mined_transaction()
    {
        var server = stack.Server;
        var payer = DevAccounts.Account3;
        var merchantBefore = await stack.BalanceAsync(EvmStackFixture.Merchant.Address);
        var accepted = EvmPayer.EvmAccept(await EvmPayer.RequireAsync(server.Client, EvmPaidServer.SyncPath));
        var authorization = EvmPayer.Draft(accepted, payer);

        using var paid = await EvmPayer.SendAsync(server.Client, EvmPaidServer.SyncPath, authorization.ToHeader());

        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        var settle = EvmPayer.PaymentResponse(paid);
        Assert.True(settle.Success);
        Assert.Equal(stack.Anvil.Network, settle.Network);
        var chainReceipt = await stack.Anvil.Rpc.WaitForReceiptAsync(settle.Transaction);
        Assert.Equal("0x1", chainReceipt.GetProperty("status").GetString());
        Assert.Equal(merchantBefore + 2 * Cent, await stack.BalanceAsync(EvmStackFixture.Merchant.Address));
        Assert.True(await stack.Anvil.AuthorizationStateAsync(stack.BaseSepoliaToken, payer.Address, authorization.NonceHex));
    }

    [Fact]
    public async Task The_same_authorization_is_served_once_and_settled_once_even_when_sent_twenty_times_at_once()
    {
        var server = stack.Server;
        var payer = DevAccounts.Account4;
        var merchantBefore = await stack.BalanceAsync(EvmStackFixture.Merchant.Address);
        var handlerBefore = server.HandlerCalls;
        var accepted = EvmPayer.EvmAccept(await EvmPayer.RequireAsync(server.Client, EvmPaidServer.AsyncPath));
        var header = EvmPayer.Draft(accepted, payer).ToHeader();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => EvmPayer.SendAsync(server.Client, EvmPaidServer.AsyncPath, header)));
        try
        {
            var served = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            // Refused by the ledger's reservation, or (once settled) by the facilitator's simulation.
            Assert.All(responses.Where(r => r != served), r =>
            {
                Assert.Equal(HttpStatusCode.PaymentRequired, r.StatusCode);
                Assert.Contains(EvmPayer.Reason(r), Replayed);
            });
            Assert.Equal(handlerBefore + 1, server.HandlerCalls);

            var receiptId = EvmPayer.PaymentResponse(served).ReceiptId!;
            var settled = await Eventually.WaitAsync(() => ReceiptAsync(server.Client, receiptId), r => r.GetProperty("status").GetString() != "pending", "the settlement");
            Assert.Equal("settled", settled.GetProperty("status").GetString());
        }
        finally
        {
            foreach (var response in responses)
                response.Dispose();
        }

        // And once more after it settled: still refused, nothing moves twice.
        using var again = await EvmPayer.SendAsync(server.Client, EvmPaidServer.AsyncPath, header);
        Assert.Equal(HttpStatusCode.PaymentRequired, again.StatusCode);
        Assert.Contains(EvmPayer.Reason(again), Replayed);
        Assert.Equal(handlerBefore + 1, server.HandlerCalls);
        Assert.Equal(merchantBefore + Cent, await stack.BalanceAsync(EvmStackFixture.Merchant.Address));
    }

    private static async Task<JsonElement> ReceiptAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync($"/x402/receipts/{id}");
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
