using System.Net;
using System.Text.Json.Nodes;
using DualRail.Client;
using DualRail.Interop.Tests.Infrastructure;

namespace DualRail.Interop.Tests;

/// <summary>
/// Cases 3 and 4: DualRail.Client pays a reference @x402/express server whose facilitator is
/// DualRail.Facilitator (3) or the reference facilitator (4), on the same chain.
/// </summary>
public sealed class DualRailClientTests(TwoFacilitatorsFixture chain) : IClassFixture<TwoFacilitatorsFixture>
{
    [NodeTheory]
    [InlineData(FacilitatorImplementation.DualRail)]
    [InlineData(FacilitatorImplementation.Reference)]
    public async Task DualRail_client_pays_a_reference_server(FacilitatorImplementation facilitator)
    {
        await using var client = DualRailPayingClient.Create(chain.Payer);
        var payerBefore = await chain.BalanceOfAsync(chain.Payer.Address);
        var payToBefore = await chain.BalanceOfAsync(chain.PayTo);

        using var response = await client.Http.GetAsync(chain.Resource(facilitator));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.True(JsonNode.Parse(body)!["served"]!.GetValue<bool>());
        var payment = response.GetX402Payment();
        Assert.NotNull(payment);
        Assert.Equal("evm", payment.Rail);
        Assert.Equal(2, payment.X402Version);
        Assert.Equal(200, payment.RetryStatusCode);
        var settlement = response.GetX402Settlement();
        Assert.NotNull(settlement);
        Assert.True(settlement.Success, settlement.ErrorReason);
        Assert.Equal("eip155:84532", settlement.Network);
        Assert.Equal(chain.Payer.Address, settlement.Payer, ignoreCase: true);
        var receipt = await chain.Anvil.Rpc.WaitForReceiptAsync(settlement.Transaction);
        Assert.Equal("0x1", receipt.GetProperty("status").GetString());
        Assert.Equal(payerBefore - ReferenceResourceServer.DefaultAmount, await chain.BalanceOfAsync(chain.Payer.Address));
        Assert.Equal(payToBefore + ReferenceResourceServer.DefaultAmount, await chain.BalanceOfAsync(chain.PayTo));
    }

    [NodeTheory]
    [InlineData(FacilitatorImplementation.DualRail)]
    [InlineData(FacilitatorImplementation.Reference)]
    public async Task DualRail_client_within_its_spend_limit_refuses_the_reference_price(FacilitatorImplementation facilitator)
    {
        await using var client = DualRailPayingClient.Create(chain.Payer, maxPerRequest: "$0.001");
        var payerBefore = await chain.BalanceOfAsync(chain.Payer.Address);

        var refused = await Assert.ThrowsAsync<PaymentRefusedException>(() => client.Http.GetAsync(chain.Resource(facilitator)));

        Assert.NotEmpty(refused.Reasons);
        Assert.Equal(payerBefore, await chain.BalanceOfAsync(chain.Payer.Address));
    }
}
