using System.Numerics;
using System.Text.Json.Nodes;
using DualRail.Interop.Tests.Infrastructure;
using DualRail.TestSupport;

namespace DualRail.Interop.Tests;

/// <summary>
/// The reference packages among themselves (client → @x402/express server → reference facilitator
/// → Anvil): proves the Node side and the chain set-up before any DualRail piece is involved.
/// </summary>
public sealed class ReferenceTrioTests(InteropChainFixture chain) : IClassFixture<InteropChainFixture>
{
    [NodeFact]
    public async Task Reference_client_pays_reference_server_through_reference_facilitator()
    {
        var payTo = DevAccounts.Account3.Address;
        await using var facilitator = await ReferenceFacilitator.StartAsync(chain.RpcUrl, chain.Relayer);
        await using var server = await ReferenceResourceServer.StartAsync(facilitator.Url, payTo);
        var payerBefore = await chain.BalanceOfAsync(chain.Payer.Address);
        var payToBefore = await chain.BalanceOfAsync(payTo);

        var result = await ReferenceClient.PayAsync(server.ResourceUrl(), chain.Payer);

        Assert.True(result["error"] is null, result.ToJsonString());
        Assert.Equal(200, result["status"]!.GetValue<int>());
        Assert.True(result["body"]!["served"]!.GetValue<bool>());
        var receipt = result["paymentResponse"]!.AsObject();
        Assert.True(receipt["success"]!.GetValue<bool>());
        Assert.Equal("eip155:84532", receipt["network"]!.GetValue<string>());
        Assert.Equal(chain.Payer.Address, receipt["payer"]!.GetValue<string>(), ignoreCase: true);
        var transaction = receipt["transaction"]!.GetValue<string>();
        Assert.Matches("^0x[0-9a-f]{64}$", transaction);

        var mined = await chain.Anvil.Rpc.WaitForReceiptAsync(transaction);
        Assert.Equal("0x1", mined.GetProperty("status").GetString());
        var amount = new BigInteger(ReferenceResourceServer.DefaultAmount);
        Assert.Equal(payerBefore - amount, await chain.BalanceOfAsync(chain.Payer.Address));
        Assert.Equal(payToBefore + amount, await chain.BalanceOfAsync(payTo));
        var nonce = result["sent"]!["payload"]!["authorization"]!["nonce"]!.GetValue<string>();
        Assert.True(await chain.Anvil.AuthorizationStateAsync(chain.BaseSepoliaToken, chain.Payer.Address, nonce));
    }

    [NodeFact]
    public async Task Reference_facilitator_refuses_a_replayed_authorization_with_the_nonce_reason()
    {
        await using var facilitator = await ReferenceFacilitator.StartAsync(chain.RpcUrl, chain.Relayer);
        await using var server = await ReferenceResourceServer.StartAsync(facilitator.Url, DevAccounts.Account4.Address);
        var paid = await ReferenceClient.PayAsync(server.ResourceUrl(), chain.Payer);
        Assert.Equal(200, paid["status"]!.GetValue<int>());

        var request = new JsonObject
        {
            ["x402Version"] = 2,
            ["paymentPayload"] = paid["sent"]!.DeepClone(),
            ["paymentRequirements"] = paid["chosen"]!["requirements"]!.DeepClone(),
        };
        var verify = await FacilitatorHttp.PostAsync(facilitator.Url + "/verify", request);

        Assert.False(verify["isValid"]!.GetValue<bool>());
        Assert.Equal("invalid_exact_evm_nonce_already_used", verify["invalidReason"]!.GetValue<string>());
    }

    [NodeFact]
    public async Task Reference_express_server_runs_without_the_paywall_package()
    {
        Assert.False(Directory.Exists(RepoRoot.Combine("node_modules", "@x402", "paywall")), "@x402/paywall is installed after all; this test documents the setup without it.");
        await using var facilitator = await ReferenceFacilitator.StartAsync(chain.RpcUrl, chain.Relayer);
        await using var server = await ReferenceResourceServer.StartAsync(facilitator.Url, DevAccounts.Account4.Address);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, server.ResourceUrl());
        request.Headers.Add("Accept", "text/html");
        request.Headers.Add("User-Agent", "Mozilla/5.0");

        using var response = await http.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Payment Required", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
