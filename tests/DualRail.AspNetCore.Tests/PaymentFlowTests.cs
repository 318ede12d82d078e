using System.Net;
using System.Text.Json.Nodes;
using DualRail.AspNetCore.Tests.Infrastructure;
using DualRail.Protocol;
using DualRail.Rails;

namespace DualRail.AspNetCore.Tests;

public sealed class PaymentFlowTests : IAsyncLifetime
{
    private PaidServer _server = null!;

    public async Task InitializeAsync() => _server = await PaidServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AnUnpricedRouteIsServedWithoutPaymentOrX402Headers()
    {
        using var response = await _server.Client.GetAsync("/api/free");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("free", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains(X402Headers.PaymentRequired));
    }

    [Fact]
    public async Task A402CarriesV2TermsInTheHeaderAndV1TermsInTheBody()
    {
        using var response = await _server.Client.GetAsync("/api/demo");

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Contains(X402Headers.PaymentResponse, string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers")));

        var terms = X402TestClient.DecodeTerms(response);
        Assert.Equal(2, terms.X402Version);
        Assert.Equal("PAYMENT-SIGNATURE header is required", terms.Error);
        Assert.Equal(new Uri(_server.BaseAddress, "/api/demo").ToString(), terms.Resource.Url);
        Assert.Equal("Demo content", terms.Resource.Description);
        Assert.Equal("text/plain", terms.Resource.MimeType);
        var accepted = Assert.Single(terms.Accepts);
        Assert.Equal(("exact", FakeRail.NetworkId, "10000"), (accepted.Scheme, accepted.Network, accepted.Amount));
        Assert.Equal(300, accepted.MaxTimeoutSeconds);

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(1, body["x402Version"]!.GetValue<int>());
        Assert.Equal("PAYMENT-SIGNATURE header is required", body["error"]!.GetValue<string>());
        var v1 = body["accepts"]![0]!;
        Assert.Equal("10000", v1["maxAmountRequired"]!.GetValue<string>());
        Assert.Equal(terms.Resource.Url, v1["resource"]!.GetValue<string>());
        Assert.Equal("Demo content", v1["description"]!.GetValue<string>());
        Assert.Equal("text/plain", v1["mimeType"]!.GetValue<string>());
        Assert.Equal(FakeRail.NetworkId, v1["network"]!.GetValue<string>());
        Assert.Equal("GET /api/demo", v1["extra"]!["resource"]!.GetValue<string>());
        Assert.Equal(0, _server.HandlerCalls);
    }

    [Fact]
    public async Task PayingServesTheResourceWithAPendingReceiptThatTheWorkerSettles()
    {
        var terms = await X402TestClient.GetTermsAsync(_server.Client, "/api/demo");
        using var response = await X402TestClient.PaidGetAsync(_server.Client, "/api/demo", X402TestClient.Pay(terms.Accepts[0], "p1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("demo content", await response.Content.ReadAsStringAsync());
        var settle = X402TestClient.DecodeReceipt(response);
        Assert.True(settle.Success);
        Assert.Equal("pending", settle.Status);
        Assert.Equal("", settle.Transaction);
        Assert.Equal(FakeRail.NetworkId, settle.Network);
        Assert.Equal("payer-p1", settle.Payer);
        Assert.Equal("10000", settle.Amount);
        Assert.False(response.Headers.Contains(X402Headers.XPaymentResponse));
        Assert.Contains(X402Headers.PaymentResponse, string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers")));

        var receipt = await Eventually.WaitAsync(
            async () => JsonNode.Parse(await _server.Client.GetStringAsync($"/x402/receipts/{settle.ReceiptId}"))!,
            r => r["status"]!.GetValue<string>() == "settled", "the worker to settle the payment");
        Assert.Equal("tx-p1", receipt["transaction"]!.GetValue<string>());
        Assert.Equal("fake", receipt["rail"]!.GetValue<string>());
        Assert.Equal(1, _server.Rail.SettleCalls["p1"]);
    }

    [Fact]
    public async Task AReceiptThatDoesNotExistIs404AndAPendingOneSaysPending()
    {
        using var missing = await _server.Client.GetAsync("/x402/receipts/00112233445566778899aabbccddeeff");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var bogus = await _server.Client.GetAsync("/x402/receipts/not%20an%20id");
        Assert.Equal(HttpStatusCode.NotFound, bogus.StatusCode);

        _server.Rail.SettleOutcome = _ => PaymentSettlement.Failed(FakeRail.NetworkId, ReasonCodes.UnexpectedSettleError, "down", transient: true);
        var terms = await X402TestClient.GetTermsAsync(_server.Client, "/api/demo");
        using var paid = await X402TestClient.PaidGetAsync(_server.Client, "/api/demo", X402TestClient.Pay(terms.Accepts[0]));
        var id = X402TestClient.DecodeReceipt(paid).ReceiptId;
        var receipt = JsonNode.Parse(await _server.Client.GetStringAsync($"/x402/receipts/{id}"))!;
        Assert.Equal("pending", receipt["status"]!.GetValue<string>());
        Assert.Null(receipt["transaction"]);
    }

    [Fact]
    public async Task AReplayedPaymentIsRefused()
    {
        var terms = await X402TestClient.GetTermsAsync(_server.Client, "/api/demo");
        var payment = X402TestClient.Pay(terms.Accepts[0]);
        using var first = await X402TestClient.PaidGetAsync(_server.Client, "/api/demo", payment);
        using var second = await X402TestClient.PaidGetAsync(_server.Client, "/api/demo", payment);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PaymentRequired, second.StatusCode);
        Assert.Equal(ReasonCodes.PaymentAlreadyUsed, X402TestClient.DecodeTerms(second).Error);
        Assert.DoesNotContain("demo content", await second.Content.ReadAsStringAsync());
        Assert.Equal(1, _server.HandlerCalls);
    }

    [Fact]
    public async Task FiftyConcurrentRequestsWithOnePaymentAreServedExactlyOnce()
    {
        var terms = await X402TestClient.GetTermsAsync(_server.Client, "/api/demo");
        var payment = X402TestClient.Pay(terms.Accepts[0], "shared");

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            using var response = await X402TestClient.PaidGetAsync(_server.Client, "/api/demo", payment);
            var body = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, body, Reason: response.StatusCode == HttpStatusCode.PaymentRequired ? X402TestClient.DecodeTerms(response).Error : null);
        })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK && r.body == "demo content");
        Assert.Equal(49, responses.Count(r => r.StatusCode == HttpStatusCode.PaymentRequired && r.Reason == ReasonCodes.PaymentAlreadyUsed));
        Assert.Equal(1, _server.HandlerCalls);
    }

    [Fact]
    public async Task AHandlerErrorSettlesNothingAndThePaymentCanBeUsedAgain()
    {
        var terms = await X402TestClient.GetTermsAsync(_server.Client, "/api/flaky");
        var payment = X402TestClient.Pay(terms.Accepts[0], "flaky");

        using var failed = await X402TestClient.PaidGetAsync(_server.Client, "/api/flaky", payment);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Contains("boom", await failed.Content.ReadAsStringAsync());
        Assert.False(failed.Headers.Contains(X402Headers.PaymentResponse));

        _server.FlakyFails = false;
        using var retried = await X402TestClient.PaidGetAsync(_server.Client, "/api/flaky", payment);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("flaky content", await retried.Content.ReadAsStringAsync());
        var id = X402TestClient.DecodeReceipt(retried).ReceiptId;
        await Eventually.WaitAsync(async () => JsonNode.Parse(await _server.Client.GetStringAsync($"/x402/receipts/{id}"))!["status"]!.GetValue<string>(),
            s => s == "settled", "settlement");
        Assert.Equal(1, _server.Rail.SettleCalls["flaky"]);
    }

    [Fact]
    public async Task AHandlerThatThrowsSettlesNothingAndThePaymentCanBeUsedAgain()
    {
        var terms = await X402TestClient.GetTermsAsync(_server.Client, "/api/throws");
        var payment = X402TestClient.Pay(terms.Accepts[0], "throws");

        using var failed = await X402TestClient.PaidGetAsync(_server.Client, "/api/throws", payment);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.False(failed.Headers.Contains(X402Headers.PaymentResponse));
        Assert.False(_server.Rail.SettleCalls.ContainsKey("throws"));

        _server.FlakyFails = false;
        using var retried = await X402TestClient.PaidGetAsync(_server.Client, "/api/throws", payment);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("recovered", await retried.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SyncSettlementAnswersWithTheTransaction()
    {
        var terms = await X402TestClient.GetTermsAsync(_server.Client, "/api/sync");
        using var response = await X402TestClient.PaidGetAsync(_server.Client, "/api/sync", X402TestClient.Pay(terms.Accepts[0], "s1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("sync secret", await response.Content.ReadAsStringAsync());
        var settle = X402TestClient.DecodeReceipt(response);
        Assert.Equal(("settled", "tx-s1"), (settle.Status, settle.Transaction));
        Assert.Equal(1, _server.Rail.SettleCalls["s1"]);
    }

    [Fact]
    public async Task AFailedSyncSettlementDiscardsTheBodyAndAnswers402()
    {
        _server.Rail.SettleOutcome = _ => PaymentSettlement.Failed(FakeRail.NetworkId, ReasonCodes.InvalidExactEvmInsufficientBalance, "no funds");
        var terms = await X402TestClient.GetTermsAsync(_server.Client, "/api/sync");
        using var response = await X402TestClient.PaidGetAsync(_server.Client, "/api/sync", X402TestClient.Pay(terms.Accepts[0], "s2"));

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.DoesNotContain("sync secret", await response.Content.ReadAsStringAsync());
        Assert.Equal(ReasonCodes.InvalidExactEvmInsufficientBalance, X402TestClient.DecodeTerms(response).Error);
        var settle = X402TestClient.DecodeReceipt(response);
        Assert.False(settle.Success);
        Assert.Equal(ReasonCodes.InvalidExactEvmInsufficientBalance, settle.ErrorReason);
        Assert.Equal("failed", settle.Status);
        Assert.Equal(1, _server.HandlerCalls);
    }

    [Fact]
    public async Task SettleFirstSettlesBeforeTheHandlerRuns()
    {
        var terms = await X402TestClient.GetTermsAsync(_server.Client, "/api/first");
        using var response = await X402TestClient.PaidGetAsync(_server.Client, "/api/first", X402TestClient.Pay(terms.Accepts[0], "f1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("first content", await response.Content.ReadAsStringAsync());
        Assert.Equal(["settle:f1", "handler"], _server.Rail.Events.ToArray());
        Assert.Equal(("settled", "tx-f1"), (X402TestClient.DecodeReceipt(response).Status, X402TestClient.DecodeReceipt(response).Transaction));
    }

    [Fact]
    public async Task AFailedSettleFirstNeverRunsTheHandler()
    {
        _server.Rail.SettleOutcome = _ => PaymentSettlement.Failed(FakeRail.NetworkId, ReasonCodes.InvalidExactEvmNonceAlreadyUsed);
        var terms = await X402TestClient.GetTermsAsync(_server.Client, "/api/first");
        using var response = await X402TestClient.PaidGetAsync(_server.Client, "/api/first", X402TestClient.Pay(terms.Accepts[0], "f2"));

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal(ReasonCodes.InvalidExactEvmNonceAlreadyUsed, X402TestClient.DecodeTerms(response).Error);
        Assert.Equal(["settle:f2"], _server.Rail.Events.ToArray());
        Assert.Equal(0, _server.HandlerCalls);
    }

    [Fact]
    public async Task AV1PayerGetsXPaymentResponseWithTheV1NetworkName()
    {
        using var v1Terms = await _server.Client.GetAsync("/api/demo");
        var v1Body = JsonNode.Parse(await v1Terms.Content.ReadAsStringAsync())!;
        var entry = v1Body["accepts"]![0]!;
        var payload = X402HeaderCodec.Encode(new PaymentPayload
        {
            X402Version = 1,
            Scheme = entry["scheme"]!.GetValue<string>(),
            Network = entry["network"]!.GetValue<string>(),
            Payload = new JsonObject { ["proof"] = "v1" },
        });
        using var request = X402TestClient.Request("/api/demo", xPayment: payload);
        using var response = await _server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var v1Receipt = X402TestClient.DecodeReceipt(response, X402Headers.XPaymentResponse);
        Assert.True(v1Receipt.Success);
        Assert.Equal(FakeRail.NetworkId, v1Receipt.Network);
        Assert.True(response.Headers.Contains(X402Headers.PaymentResponse));
    }

    [Fact]
    public async Task ConfiguredRoutesArePricedByPatternAndEndpointOptOutWins()
    {
        var terms = await X402TestClient.GetTermsAsync(_server.Client, "/api/premium/reports/1");
        Assert.Equal("20000", terms.Accepts[0].Amount);
        Assert.Equal("GET /api/premium/*", terms.Accepts[0].Extra!["resource"]!.GetValue<string>());
        using var paid = await X402TestClient.PaidGetAsync(_server.Client, "/api/premium/reports/1", X402TestClient.Pay(terms.Accepts[0]));
        Assert.Equal("premium reports/1", await paid.Content.ReadAsStringAsync());

        using var free = await _server.Client.GetAsync("/api/premium-free");
        Assert.Equal(HttpStatusCode.OK, free.StatusCode);

        var sync = await X402TestClient.GetTermsAsync(_server.Client, "/api/configured/sync", HttpMethod.Post);
        Assert.Equal("30000", sync.Accepts[0].Amount);
        Assert.Equal("Configured sync route", sync.Resource.Description);
        using var request = X402TestClient.Request("/api/configured/sync", X402TestClient.Pay(sync.Accepts[0], "cfg"), method: HttpMethod.Post);
        using var response = await _server.Client.SendAsync(request);
        Assert.Equal(("settled", "tx-cfg"), (X402TestClient.DecodeReceipt(response).Status, X402TestClient.DecodeReceipt(response).Transaction));
    }

    [Fact]
    public async Task APaymentForOneRouteDoesNotPayAnother()
    {
        var terms = await X402TestClient.GetTermsAsync(_server.Client, "/api/demo");
        using var response = await X402TestClient.PaidGetAsync(_server.Client, "/api/sync", X402TestClient.Pay(terms.Accepts[0]));
        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal(ReasonCodes.InvalidPaymentRequirements, X402TestClient.DecodeTerms(response).Error);
        Assert.Equal(0, _server.HandlerCalls);
    }

    [Fact]
    public async Task MvcActionsArePricedByTheAttribute()
    {
        var terms = await X402TestClient.GetTermsAsync(_server.Client, "/mvc/report");
        Assert.Equal("50000", terms.Accepts[0].Amount);
        Assert.Equal("An MVC report", terms.Resource.Description);
        using var paid = await X402TestClient.PaidGetAsync(_server.Client, "/mvc/report", X402TestClient.Pay(terms.Accepts[0]));
        Assert.Equal("mvc report", await paid.Content.ReadAsStringAsync());
        Assert.Equal("mvc open", await _server.Client.GetStringAsync("/mvc/open"));
    }

    [Fact]
    public async Task ABrowserGetsThePaywallPageWithTheTermsStillInTheHeader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/demo");
        request.Headers.Accept.Add(X402TestClient.Html);
        request.Headers.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
        using var response = await _server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("$0.01", html);
        Assert.Contains("Demo content", html);
        Assert.Single(X402TestClient.DecodeTerms(response).Accepts);
    }

    [Fact]
    public async Task HealthReportsEachRailAndAnUnavailableRailIsLeftOutOfAccepts()
    {
        var health = JsonNode.Parse(await _server.Client.GetStringAsync("/x402/health"))!;
        Assert.Equal("ok", health["status"]!.GetValue<string>());
        Assert.Equal("fake", health["rails"]![0]!["name"]!.GetValue<string>());
        Assert.True(health["rails"]![0]!["available"]!.GetValue<bool>());

        _server.Rail.IsAvailable = false;
        using var down = await _server.Client.GetAsync("/x402/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.False(JsonNode.Parse(await down.Content.ReadAsStringAsync())!["rails"]![0]!["available"]!.GetValue<bool>());

        using var refused = await _server.Client.GetAsync("/api/demo");
        var terms = X402TestClient.DecodeTerms(refused);
        Assert.Empty(terms.Accepts);
        Assert.Equal("no payment rail is available", terms.Error);
    }

    [Fact]
    public async Task APaymentForARailThatIsDownIsRefusedAsUnverifiableNotUnknown()
    {
        var terms = await X402TestClient.GetTermsAsync(_server.Client, "/api/demo");
        _server.Rail.IsAvailable = false;
        using var response = await X402TestClient.PaidGetAsync(_server.Client, "/api/demo", X402TestClient.Pay(terms.Accepts[0]));
        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal(ReasonCodes.UnexpectedVerifyError, X402TestClient.DecodeTerms(response).Error);
        Assert.Equal(0, _server.HandlerCalls);
    }

    [Fact]
    public async Task APaymentThatIsFinalAtVerificationIsServedEvenWhileItsRailIsDown()
    {
        var terms = await X402TestClient.GetTermsAsync(_server.Client, "/api/demo");
        _server.Rail.IsAvailable = false;
        var invalid = X402TestClient.Pay(terms.Accepts[0], proof: "bad-while-down", valid: false, final: true);
        using var refused = await X402TestClient.PaidGetAsync(_server.Client, "/api/demo", invalid);
        using var served = await X402TestClient.PaidGetAsync(_server.Client, "/api/demo", X402TestClient.Pay(terms.Accepts[0], proof: "final-while-down", final: true));

        Assert.Equal(HttpStatusCode.PaymentRequired, refused.StatusCode);
        Assert.Equal(ReasonCodes.UnexpectedVerifyError, X402TestClient.DecodeTerms(refused).Error);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(1, _server.HandlerCalls);
        Assert.Empty(_server.Rail.SettleCalls);
    }

    [Fact]
    public async Task ACorsPreflightToAPricedRouteIsNotAskedToPay()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/premium/x");
        request.Headers.Add("Origin", "https://app.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        using var response = await _server.Client.SendAsync(request);
        Assert.NotEqual(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.False(response.Headers.Contains(X402Headers.PaymentRequired));
    }
}
