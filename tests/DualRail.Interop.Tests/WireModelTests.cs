using System.Text;
using System.Text.Json.Nodes;
using DualRail.Interop.Tests.Infrastructure;
using DualRail.Protocol;
using DualRail.TestSupport;

namespace DualRail.Interop.Tests;

/// <summary>
/// DualRail's x402 wire model reads what the reference packages actually send (not a hand-written
/// sample) and writes it back unchanged: every member, in the reference's own JSON.
/// </summary>
public sealed class WireModelTests(InteropChainFixture chain) : IClassFixture<InteropChainFixture>
{
    [NodeFact]
    public async Task Reference_messages_round_trip_through_the_DualRail_wire_model()
    {
        await using var facilitator = await ReferenceFacilitator.StartAsync(chain.RpcUrl, chain.Relayer);
        await using var server = await ReferenceResourceServer.StartAsync(facilitator.Url, DevAccounts.Account3.Address);
        var paid = await ReferenceClient.PayAsync(server.ResourceUrl(), chain.Payer);
        Assert.Equal(200, paid["status"]!.GetValue<int>());

        // PAYMENT-SIGNATURE as the reference client builds it, through the strict header decoder.
        var sent = paid["sent"]!.AsObject();
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes(sent.ToJsonString()));
        Assert.True(X402HeaderCodec.TryDecodePaymentPayload(header, out var payload, out var reason), reason);
        AssertRoundTrip(sent, payload);

        // Its accepted requirement equals the server's offer by DualRail's comparer, as by the reference's deepEqual.
        var offered = paid["offered"]!.AsObject();
        var required = X402Json.Deserialize<PaymentRequired>(offered.ToJsonString());
        Assert.NotNull(required);
        AssertRoundTrip(offered, required);
        Assert.True(PaymentRequirementsComparer.DeepEquals(required.Accepts[paid["chosen"]!["index"]!.GetValue<int>()], payload!.Accepted));

        var receipt = paid["paymentResponse"]!.AsObject();
        AssertRoundTrip(receipt, X402Json.Deserialize<SettleResponse>(receipt.ToJsonString()));

        var supported = await FacilitatorHttp.GetAsync(facilitator.Url + "/supported");
        AssertRoundTrip(supported, X402Json.Deserialize<SupportedResponse>(supported.ToJsonString()));
    }

    private static void AssertRoundTrip<T>(JsonObject original, T? decoded)
    {
        Assert.NotNull(decoded);
        var written = JsonNode.Parse(X402Json.Serialize(decoded));
        Assert.True(JsonNode.DeepEquals(original, written), $"reference: {original.ToJsonString()}\nDualRail:  {written!.ToJsonString()}");
    }
}
