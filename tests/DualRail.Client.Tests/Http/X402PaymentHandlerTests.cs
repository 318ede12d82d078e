using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DualRail.Client.Policy;
using DualRail.Client.Tests.Policy;
using DualRail.Protocol;

namespace DualRail.Client.Tests.Http;

public sealed class X402PaymentHandlerTests
{
    private static readonly PaymentRequirements UsdcOffer = SpendPolicyTests.Usdc("10000");
    private static readonly PaymentRequirements LightningOffer = SpendPolicyTests.Msat("100000");

    private static (HttpClient Client, CountingPayer Evm, CountingPayer Ln) Client(
        ScriptedServer server, Action<SpendPolicyOptions>? policy = null, params string[] preferred)
    {
        var evm = new CountingPayer("evm", UsdcOffer.Network);
        var ln = new CountingPayer("lightning", LightningOffer.Network);
        var options = new SpendPolicyOptions();
        policy?.Invoke(options);
        var session = new PaymentSession([evm, ln], new SpendPolicy(options), preferred);
        return (new HttpClient(new X402PaymentHandler(session, server)), evm, ln);
    }

    private static PaymentPayload PaymentOf(HttpRequestMessage request)
    {
        Assert.True(X402HeaderCodec.TryDecodePaymentPayload(request.Headers.GetValues(X402Headers.PaymentSignature).Single(), out var payload, out var reason), reason);
        return payload!;
    }

    [Fact]
    public async Task Pays_once_retries_with_the_same_bytes_and_exposes_the_settlement()
    {
        var server = new ScriptedServer((request, _) => request.Headers.Contains(X402Headers.PaymentSignature)
            ? ScriptedServer.Paid(new SettleResponse { Success = true, Network = UsdcOffer.Network, Transaction = "0xabc" })
            : ScriptedServer.PaymentRequiredV2(ScriptedServer.Terms(UsdcOffer, LightningOffer)));
        var (client, evm, ln) = Client(server);

        using var response = await client.PostAsync("http://test/api/demo", new StringContent("{\"q\":1}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Seen.Count);
        Assert.Equal(server.Seen[0].Body, server.Seen[1].Body);
        Assert.Equal("application/json", server.Seen[1].Request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal((1, 0), (evm.Payments, ln.Payments));
        var payment = PaymentOf(server.Seen[1].Request);
        Assert.True(PaymentRequirementsComparer.DeepEquals(UsdcOffer, payment.Accepted));
        Assert.Equal("evm-1", (string?)payment.Payload["proof"]);
        var record = response.GetX402Payment();
        Assert.NotNull(record);
        Assert.Equal("evm", record.Rail);
        Assert.Equal("0xabc", record.Settlement?.Transaction);
    }

    [Fact]
    public async Task Follows_the_callers_rail_preference()
    {
        var server = new ScriptedServer((request, _) => request.Headers.Contains(X402Headers.PaymentSignature)
            ? new HttpResponseMessage(HttpStatusCode.OK)
            : ScriptedServer.PaymentRequiredV2(ScriptedServer.Terms(UsdcOffer, LightningOffer)));
        var (client, evm, ln) = Client(server, null, "lightning");

        using var response = await client.GetAsync("http://test/api/demo");

        Assert.Equal((0, 1), (evm.Payments, ln.Payments));
        Assert.Equal(LightningOffer.Network, PaymentOf(server.Seen[1].Request).Accepted!.Network);
    }

    [Fact]
    public async Task Never_pays_twice_when_the_retry_is_answered_402_again()
    {
        var server = new ScriptedServer((_, _) => ScriptedServer.PaymentRequiredV2(ScriptedServer.Terms(UsdcOffer)));
        var (client, evm, _) = Client(server);

        using var response = await client.GetAsync("http://test/api/demo");

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal(2, server.Seen.Count);
        Assert.Equal(1, evm.Payments);
        Assert.Equal(402, response.GetX402Payment()!.RetryStatusCode);
    }

    [Fact]
    public async Task A_policy_refusal_makes_no_payment_and_no_retry()
    {
        var server = new ScriptedServer((_, _) => ScriptedServer.PaymentRequiredV2(ScriptedServer.Terms(UsdcOffer, LightningOffer)));
        var (client, evm, ln) = Client(server, o => o.MaxPerRequest.Add("$0.001"));

        var refused = await Assert.ThrowsAsync<PaymentRefusedException>(() => client.GetAsync("http://test/api/demo"));

        Assert.Equal((0, 0), (evm.Payments, ln.Payments));
        Assert.Single(server.Seen);
        Assert.Equal(2, refused.Reasons.Count);
    }

    [Fact]
    public async Task A_request_that_already_carries_a_payment_is_passed_through()
    {
        var server = new ScriptedServer((_, _) => ScriptedServer.PaymentRequiredV2(ScriptedServer.Terms(UsdcOffer)));
        var (client, evm, _) = Client(server);
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://test/api/demo");
        request.Headers.Add(X402Headers.PaymentSignature, "e30=");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal(0, evm.Payments);
        Assert.Single(server.Seen);
    }

    [Fact]
    public async Task Reads_v1_terms_from_the_body_and_pays_with_X_PAYMENT()
    {
        var v1 = X402VersionConverter.ToV1(ScriptedServer.Terms(UsdcOffer));
        var server = new ScriptedServer((request, _) => request.Headers.Contains(X402Headers.XPayment)
            ? new HttpResponseMessage(HttpStatusCode.OK)
            : new HttpResponseMessage(HttpStatusCode.PaymentRequired) { Content = new StringContent(X402Json.Serialize(v1), Encoding.UTF8, "application/json") });
        var (client, evm, _) = Client(server);

        using var response = await client.GetAsync("http://test/api/demo");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, evm.Payments);
        var header = server.Seen[1].Request.Headers.GetValues(X402Headers.XPayment).Single();
        var payment = JsonNode.Parse(Convert.FromBase64String(header))!;
        Assert.Equal(1, (int)payment["x402Version"]!);
        Assert.Equal("base-sepolia", (string?)payment["network"]);
        Assert.Equal("exact", (string?)payment["scheme"]);
    }

    [Fact]
    public async Task A_402_without_x402_terms_is_returned_as_it_is()
    {
        var server = new ScriptedServer((_, _) => new HttpResponseMessage(HttpStatusCode.PaymentRequired) { Content = new StringContent("pay me") });
        var (client, evm, _) = Client(server);

        using var response = await client.GetAsync("http://test/api/demo");

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal(0, evm.Payments);
        Assert.Null(response.GetX402Payment());
    }
}
