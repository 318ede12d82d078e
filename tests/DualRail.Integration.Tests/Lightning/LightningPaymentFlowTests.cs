using System.Net;
using System.Text.Json.Nodes;
using DualRail.Lightning.Bolt11;
using DualRail.Protocol;

namespace DualRail.Integration.Tests.Lightning;

/// <summary>
/// Paid requests on the Lightning rail through the DualRail middleware, with the LND simulator: the 402 carries a
/// real invoice, the payer node pays it, the preimage buys the resource once.
/// </summary>
public sealed class LightningPaymentFlowTests : IAsyncLifetime
{
    private LightningStack _stack = null!;

    public async Task InitializeAsync() => _stack = await LightningStack.StartAsync();

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task A_402_with_a_real_invoice_is_paid_and_the_preimage_buys_the_resource()
    {
        var terms = await _stack.TermsAsync("/api/weather");
        Assert.Equal(2, terms.Accepts.Count);
        var entry = Assert.Single(terms.Accepts, a => a.Network == "bip122:0f9188f13cb7b2c71f2a335e3a4fc328");
        Assert.Equal("1500000", entry.Amount);
        Assert.Equal(_stack.Simulator.Node("merchant").Identity.PublicKeyHex, entry.PayTo);
        var invoice = Bolt11Decoder.Decode(entry.Extra!["invoice"]!.GetValue<string>(), Bolt11Network.Regtest);
        Assert.Equal(1_500_000, invoice.AmountMsat);
        Assert.Equal("Weather", invoice.Description);

        var preimage = await _stack.PayAsync(entry);
        using var response = await _stack.GetPaidAsync("/api/weather", LightningStack.Signature(entry, preimage));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("sunny", await response.Content.ReadAsStringAsync());
        var receipt = LightningStack.DecodeHeader<SettleResponse>(response, X402Headers.PaymentResponse);
        Assert.True(receipt.Success);
        Assert.Equal(entry.Network, receipt.Network);
        Assert.NotNull(receipt.ReceiptId);

        // The settlement worker confirms it: a Lightning receipt's transaction is the payment hash.
        await LightningStack.WaitUntilAsync(async () =>
        {
            var body = JsonNode.Parse(await _stack.Client.GetStringAsync($"/x402/receipts/{receipt.ReceiptId}"))!;
            return body["status"]!.GetValue<string>() == "settled"
                && body["transaction"]!.GetValue<string>() == invoice.PaymentHashHex;
        });
        Assert.Equal(1, _stack.HandlerCalls);
    }

    [Fact]
    public async Task A_v1_client_pays_with_x_payment()
    {
        var entry = await _stack.LightningTermsAsync("/api/weather");
        var preimage = await _stack.PayAsync(entry);
        var header = X402HeaderCodec.Encode(new PaymentPayload
        {
            X402Version = 1,
            Scheme = "exact",
            Network = entry.Network,
            Payload = new JsonObject { ["paymentHash"] = entry.Extra!["paymentHash"]!.GetValue<string>(), ["preimage"] = preimage },
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/weather");
        request.Headers.TryAddWithoutValidation(X402Headers.XPayment, header);

        using var response = await _stack.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(LightningStack.DecodeHeader<SettleResponse>(response, X402Headers.XPaymentResponse).Success);
    }

    [Fact]
    public async Task A_replayed_preimage_is_served_once()
    {
        var entry = await _stack.LightningTermsAsync("/api/weather");
        var signature = LightningStack.Signature(entry, await _stack.PayAsync(entry));

        using var first = await _stack.GetPaidAsync("/api/weather", signature);
        using var replay = await _stack.GetPaidAsync("/api/weather", signature);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PaymentRequired, replay.StatusCode);
        Assert.Equal(ReasonCodes.PaymentAlreadyUsed, LightningStack.DecodeHeader<PaymentRequired>(replay, X402Headers.PaymentRequired).Error);
        Assert.Equal(1, _stack.HandlerCalls);
    }

    [Fact]
    public async Task Twenty_concurrent_requests_with_one_preimage_are_served_once()
    {
        var entry = await _stack.LightningTermsAsync("/api/weather");
        var signature = LightningStack.Signature(entry, await _stack.PayAsync(entry));

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _stack.GetPaidAsync("/api/weather", signature)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.PaymentRequired));
        Assert.Equal(1, _stack.HandlerCalls);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_preimage_for_another_resources_invoice_is_refused()
    {
        var other = await _stack.LightningTermsAsync("/api/other");
        var signature = LightningStack.Signature(other, await _stack.PayAsync(other));

        using var response = await _stack.GetPaidAsync("/api/weather", signature);

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal(ReasonCodes.InvalidLightningInvoiceMismatch, LightningStack.DecodeHeader<PaymentRequired>(response, X402Headers.PaymentRequired).Error);
        Assert.Equal(0, _stack.HandlerCalls);
    }

    [Fact]
    public async Task A_wrong_preimage_and_an_unpaid_invoice_are_refused()
    {
        var entry = await _stack.LightningTermsAsync("/api/weather");

        using var wrong = await _stack.GetPaidAsync("/api/weather", LightningStack.Signature(entry, new string('a', 64)));
        using var unpaid = await _stack.GetPaidAsync("/api/weather", LightningStack.Signature(entry, await _stack.MerchantPreimageAsync(entry)));

        Assert.Equal(ReasonCodes.InvalidLightningPreimage, LightningStack.DecodeHeader<PaymentRequired>(wrong, X402Headers.PaymentRequired).Error);
        Assert.Equal(ReasonCodes.InvalidLightningInvoiceNotSettled, LightningStack.DecodeHeader<PaymentRequired>(unpaid, X402Headers.PaymentRequired).Error);
        Assert.Equal(0, _stack.HandlerCalls);
    }

    [Fact]
    public async Task An_expired_invoice_is_refused()
    {
        var entry = await _stack.LightningTermsAsync("/api/brief"); // maxTimeoutSeconds 1: the invoice expires in a second
        var preimage = await _stack.MerchantPreimageAsync(entry);
        var expiry = DateTimeOffset.FromUnixTimeSeconds(entry.Extra!["invoiceExpiry"]!.GetValue<long>());
        await LightningStack.WaitUntilAsync(() => Task.FromResult(DateTimeOffset.UtcNow > expiry.AddSeconds(1)));

        using var response = await _stack.GetPaidAsync("/api/brief", LightningStack.Signature(entry, preimage));

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal(ReasonCodes.InvalidLightningInvoiceExpired, LightningStack.DecodeHeader<PaymentRequired>(response, X402Headers.PaymentRequired).Error);
        Assert.Equal(0, _stack.HandlerCalls);
    }

    [Fact]
    public async Task An_invoice_paid_while_the_server_was_down_is_honoured_after_restart()
    {
        var entry = await _stack.LightningTermsAsync("/api/weather");
        await _stack.StopServerAsync();

        var preimage = await _stack.PayAsync(entry);
        await _stack.StartServerAsync();
        using var response = await _stack.GetPaidAsync("/api/weather", LightningStack.Signature(entry, preimage));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("sunny", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_stream_drop_in_the_middle_of_a_run_of_payments_loses_none()
    {
        var served = 0;
        for (var i = 0; i < 8; i++)
        {
            var entry = await _stack.LightningTermsAsync("/api/weather");
            var preimage = await _stack.PayAsync(entry);
            if (i == 3)
            {
                _stack.Simulator.Network.DropStreams();
            }

            using var response = await _stack.GetPaidAsync("/api/weather", LightningStack.Signature(entry, preimage));
            served += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
        }

        Assert.Equal(8, served);
        Assert.Equal(8, _stack.HandlerCalls);
    }

    [Fact]
    public async Task While_lnd_is_down_an_invoice_the_ledger_holds_as_settled_still_buys_the_resource_and_nothing_else_does()
    {
        var paid = await _stack.LightningTermsAsync("/api/weather");
        var unpaid = await _stack.LightningTermsAsync("/api/weather");
        var preimage = await _stack.PayAsync(paid);
        var unpaidPreimage = await _stack.MerchantPreimageAsync(unpaid);
        await _stack.WaitUntilSettledInLedgerAsync(paid);

        await _stack.Simulator.TakeDownAsync();
        await _stack.WaitForLightningAsync(available: false);
        using var served = await _stack.GetPaidAsync("/api/weather", LightningStack.Signature(paid, preimage));
        using var notSettled = await _stack.GetPaidAsync("/api/weather", LightningStack.Signature(unpaid, unpaidPreimage));
        using var wrongPreimage = await _stack.GetPaidAsync("/api/weather", LightningStack.Signature(paid, new string('0', 64)));
        using var replay = await _stack.GetPaidAsync("/api/weather", LightningStack.Signature(paid, preimage));

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("sunny", await served.Content.ReadAsStringAsync());
        var receipt = LightningStack.DecodeHeader<SettleResponse>(served, X402Headers.PaymentResponse);
        Assert.True(receipt.Success);
        Assert.Equal(paid.Extra!["paymentHash"]!.GetValue<string>(), receipt.Transaction);
        Assert.Equal(ReasonCodes.UnexpectedVerifyError, LightningStack.DecodeHeader<PaymentRequired>(notSettled, X402Headers.PaymentRequired).Error);
        Assert.Equal(ReasonCodes.UnexpectedVerifyError, LightningStack.DecodeHeader<PaymentRequired>(wrongPreimage, X402Headers.PaymentRequired).Error);
        Assert.Equal(ReasonCodes.PaymentAlreadyUsed, LightningStack.DecodeHeader<PaymentRequired>(replay, X402Headers.PaymentRequired).Error);
        Assert.Equal(1, _stack.HandlerCalls);
    }

    [Fact]
    public async Task While_lnd_is_down_only_the_other_rail_sells_and_lightning_comes_back_by_itself()
    {
        await _stack.Simulator.TakeDownAsync();
        await _stack.WaitForLightningAsync(available: false);

        var during = await _stack.TermsAsync("/api/weather");
        Assert.Equal(OtherRail.NetworkId, Assert.Single(during.Accepts).Network);

        await _stack.Simulator.BringUpAsync();
        await _stack.WaitForLightningAsync(available: true);

        var after = await _stack.TermsAsync("/api/weather");
        Assert.Equal(2, after.Accepts.Count);
        var entry = Assert.Single(after.Accepts, a => a.Network.StartsWith("bip122:", StringComparison.Ordinal));
        using var response = await _stack.GetPaidAsync("/api/weather", LightningStack.Signature(entry, await _stack.PayAsync(entry)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
