using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using DualRail.Interop.Tests.Infrastructure;
using DualRail.TestSupport;

namespace DualRail.Interop.Tests;

/// <summary>
/// Case 6 (facilitator side): DualRail.Facilitator answers the reference server's /verify and
/// /settle with the reason codes the reference facilitator gives for the same payment. Each case
/// runs against both facilitators; the reference one is the oracle, and the expected code is
/// spelled out so a change in the reference shows up here too.
/// </summary>
public sealed class FacilitatorReasonCodeTests(TwoFacilitatorsFixture chain) : IClassFixture<TwoFacilitatorsFixture>
{
    [NodeTheory]
    [InlineData("amount", "invalid_exact_evm_authorization_value")]
    [InlineData("expired", "invalid_exact_evm_payload_authorization_valid_before")]
    [InlineData("signature", "invalid_exact_evm_signature")]
    public async Task Refused_payment_reaches_the_reference_client_with_the_reference_reason(string tamper, string expectedReason)
    {
        var before = await chain.BalanceOfAsync(chain.PayTo);
        var reasons = new Dictionary<FacilitatorImplementation, string>();
        foreach (var kind in Enum.GetValues<FacilitatorImplementation>())
        {
            var result = await ReferenceClient.PayAsync(chain.Resource(kind), chain.Payer, tamper);

            Assert.True(result["error"] is null, result.ToJsonString());
            Assert.Equal(402, result["status"]!.GetValue<int>());
            reasons[kind] = result["paymentRequired"]!["error"]!.GetValue<string>();
        }

        Assert.Equal(expectedReason, reasons[FacilitatorImplementation.Reference]);
        Assert.Equal(reasons[FacilitatorImplementation.Reference], reasons[FacilitatorImplementation.DualRail]);
        Assert.Equal(before, await chain.BalanceOfAsync(chain.PayTo));
    }

    [NodeFact]
    public async Task Payer_without_funds_gets_the_reference_reason()
    {
        var broke = DevAccounts.Account5;
        Assert.Equal(BigInteger.Zero, await chain.BalanceOfAsync(broke.Address));
        var reasons = new Dictionary<FacilitatorImplementation, string>();
        foreach (var kind in Enum.GetValues<FacilitatorImplementation>())
        {
            var result = await ReferenceClient.PayAsync(chain.Resource(kind), broke);

            Assert.Equal(402, result["status"]!.GetValue<int>());
            reasons[kind] = result["paymentRequired"]!["error"]!.GetValue<string>();
        }

        Assert.Equal("invalid_exact_evm_insufficient_balance", reasons[FacilitatorImplementation.Reference]);
        Assert.Equal(reasons[FacilitatorImplementation.Reference], reasons[FacilitatorImplementation.DualRail]);
    }

    [NodeFact]
    public async Task Replayed_payment_is_refused_with_the_reference_reason_and_settles_once()
    {
        var reasons = new Dictionary<FacilitatorImplementation, string>();
        foreach (var kind in Enum.GetValues<FacilitatorImplementation>())
        {
            var before = await chain.BalanceOfAsync(chain.PayTo);
            var paid = await ReferenceClient.PayAsync(chain.Resource(kind), chain.Payer);
            Assert.Equal(200, paid["status"]!.GetValue<int>());

            using var replay = await ResendAsync(chain.Resource(kind), paid["sent"]!.AsObject());

            Assert.Equal(System.Net.HttpStatusCode.PaymentRequired, replay.StatusCode);
            var required = DecodeHeader(replay, "PAYMENT-REQUIRED");
            reasons[kind] = required["error"]!.GetValue<string>();
            Assert.Equal(before + ReferenceResourceServer.DefaultAmount, await chain.BalanceOfAsync(chain.PayTo));
        }

        Assert.Equal("invalid_exact_evm_nonce_already_used", reasons[FacilitatorImplementation.Reference]);
        Assert.Equal(reasons[FacilitatorImplementation.Reference], reasons[FacilitatorImplementation.DualRail]);
    }

    [NodeFact]
    public async Task Settle_of_a_used_authorization_fails_like_the_reference()
    {
        // A payment settled through the reference stack, then handed straight to each /settle again.
        var paid = await ReferenceClient.PayAsync(chain.Resource(FacilitatorImplementation.Reference), chain.Payer);
        Assert.Equal(200, paid["status"]!.GetValue<int>());
        var request = new JsonObject
        {
            ["x402Version"] = 2,
            ["paymentPayload"] = paid["sent"]!.DeepClone(),
            ["paymentRequirements"] = paid["chosen"]!["requirements"]!.DeepClone(),
        };

        var answers = new Dictionary<FacilitatorImplementation, JsonObject>();
        foreach (var kind in Enum.GetValues<FacilitatorImplementation>())
        {
            answers[kind] = await FacilitatorHttp.PostAsync(chain.Facilitator(kind).Url + "/settle", request);
        }

        var reference = answers[FacilitatorImplementation.Reference];
        var ours = answers[FacilitatorImplementation.DualRail];
        Assert.Equal(200, reference["_status"]!.GetValue<int>());
        Assert.False(reference["success"]!.GetValue<bool>());
        Assert.Equal("invalid_exact_evm_nonce_already_used", reference["errorReason"]!.GetValue<string>());
        foreach (var field in new[] { "_status", "success", "errorReason", "transaction", "network" })
            Assert.True(JsonNode.DeepEquals(reference[field], ours[field]), $"{field}: reference {reference[field]?.ToJsonString()}, DualRail {ours[field]?.ToJsonString()}");
        Assert.Equal(reference["payer"]!.GetValue<string>(), ours["payer"]!.GetValue<string>(), ignoreCase: true);
    }

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    private static async Task<HttpResponseMessage> ResendAsync(string url, JsonObject paymentPayload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("PAYMENT-SIGNATURE", Convert.ToBase64String(Encoding.UTF8.GetBytes(paymentPayload.ToJsonString())));
        return await Http.SendAsync(request);
    }

    private static JsonObject DecodeHeader(HttpResponseMessage response, string name)
    {
        var header = response.Headers.GetValues(name).Single();
        return JsonNode.Parse(Convert.FromBase64String(header))!.AsObject();
    }
}
