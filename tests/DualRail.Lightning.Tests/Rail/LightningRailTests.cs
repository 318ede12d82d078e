using System.Security.Cryptography;
using DualRail.Lightning.Bolt11;
using DualRail.Lightning.Rail;
using DualRail.Protocol;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;
using DualRail.Money;
using DualRail.Lightning.Lnd;

namespace DualRail.Lightning.Tests.Rail;

/// <summary>The Lightning rail against the LND simulator: quotes mint real invoices, preimages prove payment.</summary>
public sealed class LightningRailTests : IAsyncLifetime
{
    private LightningRailHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await LightningRailHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_quote_is_the_accepts_entry_of_the_design_with_a_real_invoice_bound_in_the_ledger()
    {
        var requirements = await _harness.QuoteAsync(LightningRailHarness.Context("GET /weather", "1500 sat", 120));

        Assert.Equal("exact", requirements.Scheme);
        Assert.Equal("bip122:0f9188f13cb7b2c71f2a335e3a4fc328", requirements.Network);
        Assert.Equal("1500000", requirements.Amount);
        Assert.Equal("BTC", requirements.Asset);
        Assert.Equal(_harness.Merchant.Identity.PublicKeyHex, requirements.PayTo);
        Assert.Equal(120, requirements.MaxTimeoutSeconds);
        var extra = requirements.Extra!;
        Assert.Equal("lightning", extra["paymentMethod"]!.GetValue<string>());
        Assert.Equal("msat", extra["denomination"]!.GetValue<string>());

        var invoice = Bolt11Decoder.Decode(extra["invoice"]!.GetValue<string>(), Bolt11Network.Regtest);
        Assert.Equal(1_500_000, invoice.AmountMsat);
        Assert.Equal(120, invoice.ExpirySeconds);
        Assert.Equal("test GET /weather", invoice.Description);
        Assert.Equal(invoice.PaymentHashHex, extra["paymentHash"]!.GetValue<string>());
        Assert.Equal(invoice.ExpiresAt.ToUnixTimeSeconds(), extra["invoiceExpiry"]!.GetValue<long>());
        Assert.True(invoice.IsPayee(_harness.Merchant.Identity.PublicKey));

        var issued = await _harness.Ledger.GetInvoiceAsync(invoice.PaymentHashHex, CancellationToken.None);
        Assert.NotNull(issued);
        Assert.Equal("GET /weather", issued.ResourceKey);
        Assert.Equal(1_500_000, issued.AmountMsat);
        Assert.Equal(invoice.ExpiresAt, issued.ExpiresAt);
        Assert.Null(issued.SettledAt);
        Assert.True(PaymentRequirementsComparer.DeepEquals(requirements, issued.Requirements));
    }

    [Fact]
    public async Task A_usd_price_is_converted_at_the_exchange_rate()
    {
        // $0.05 at 100,000 USD/BTC = 50 sat.
        var requirements = await _harness.QuoteAsync(LightningRailHarness.Context("GET /usd", "$0.05"));

        Assert.Equal("50000", requirements.Amount);
    }

    [Fact]
    public async Task A_paid_invoice_verifies_and_settles_with_the_payment_hash_as_transaction()
    {
        var context = LightningRailHarness.Context("GET /paid");
        var requirements = await _harness.QuoteAsync(context);
        var preimage = await _harness.PayAsync(requirements);
        var payload = LightningRailHarness.Payload(requirements, preimage);
        var hash = requirements.Extra!["paymentHash"]!.GetValue<string>();

        var matched = await _harness.Rail.MatchAsync(payload, context, CancellationToken.None);
        Assert.NotNull(matched);
        var verification = await _harness.Rail.VerifyAsync(payload, matched, context, CancellationToken.None);
        var settlement = await _harness.Rail.SettleAsync(payload, matched, CancellationToken.None);

        Assert.True(verification.IsValid, verification.InvalidMessage);
        Assert.Equal("ln:" + hash, verification.SingleUseKey);
        Assert.Equal(requirements.Network, verification.Network);
        Assert.NotNull(verification.FinalSettlement); // settled is final: the server records it without a settle call
        Assert.True(verification.FinalSettlement.Success);
        Assert.Equal(hash, verification.FinalSettlement.Transaction);
        Assert.Equal(requirements.Network, verification.FinalSettlement.Network);
        Assert.True(settlement.Success);
        Assert.Equal(hash, settlement.Transaction);
        Assert.Null(settlement.Payer);
        Assert.True(_harness.Rail.CanHandle(payload));
    }

    [Fact]
    public async Task While_lnd_is_down_a_settlement_the_ledger_holds_verifies_and_an_unsettled_invoice_is_unverifiable()
    {
        var context = LightningRailHarness.Context("GET /outage-verify");
        var paid = await _harness.QuoteAsync(context);
        var unpaid = await _harness.QuoteAsync(context);
        var preimage = await _harness.PayAsync(paid);
        var unpaidPreimage = await _harness.MerchantPreimageAsync(unpaid);
        var hash = paid.Extra!["paymentHash"]!.GetValue<string>();
        await LightningRailHarness.WaitUntilAsync(async () =>
            (await _harness.Ledger.GetInvoiceAsync(hash, CancellationToken.None))?.SettledAt is not null);

        await _harness.Simulator.TakeDownAsync();
        await LightningRailHarness.WaitUntilAsync(() => !_harness.Rail.IsAvailable);
        var payload = LightningRailHarness.Payload(paid, preimage);
        var matched = await _harness.Rail.MatchAsync(payload, context, CancellationToken.None);
        Assert.NotNull(matched);
        var settled = await _harness.Rail.VerifyAsync(payload, matched, context, CancellationToken.None);
        var open = await _harness.Rail.VerifyAsync(LightningRailHarness.Payload(unpaid, unpaidPreimage), unpaid, context, CancellationToken.None);

        Assert.True(settled.IsValid, settled.InvalidMessage);
        Assert.Equal(hash, settled.FinalSettlement?.Transaction);
        Assert.False(open.IsValid);
        Assert.Equal(ReasonCodes.UnexpectedVerifyError, open.InvalidReason);
    }

    [Fact]
    public async Task The_watcher_records_the_settlement_without_being_asked()
    {
        var requirements = await _harness.QuoteAsync(LightningRailHarness.Context("GET /watched"));
        var hash = requirements.Extra!["paymentHash"]!.GetValue<string>();

        await _harness.PayAsync(requirements);

        await LightningRailHarness.WaitUntilAsync(async () =>
            (await _harness.Ledger.GetInvoiceAsync(hash, CancellationToken.None))?.SettledAt is not null);
        // and hands the settled row to the rail's cache, so the paid request reads no ledger row
        await LightningRailHarness.WaitUntilAsync(() => _harness.Services.GetRequiredService<SettledInvoiceCache>().TryGet(hash, out _));
        Assert.True(_harness.Services.GetRequiredService<SettledInvoiceCache>().TryGet(hash, out var cached));
        Assert.NotNull(cached.SettledAt);
        Assert.True(PaymentRequirementsComparer.DeepEquals(requirements, cached.Requirements));
    }

    [Fact]
    public async Task A_preimage_for_another_resources_invoice_is_refused()
    {
        var other = await _harness.QuoteAsync(LightningRailHarness.Context("GET /cheap", "10 sat"));
        var preimage = await _harness.PayAsync(other);
        var context = LightningRailHarness.Context("GET /expensive", "10 sat");
        var payload = LightningRailHarness.Payload(other, preimage);

        var matched = await _harness.Rail.MatchAsync(payload, context, CancellationToken.None);
        var verification = await _harness.Rail.VerifyAsync(payload, matched!, context, CancellationToken.None);

        Assert.False(verification.IsValid);
        Assert.Equal(ReasonCodes.InvalidLightningInvoiceMismatch, verification.InvalidReason);
    }

    [Fact]
    public async Task An_invoice_for_an_older_price_is_refused()
    {
        var quoted = await _harness.QuoteAsync(LightningRailHarness.Context("GET /repriced", "10 sat"));
        var preimage = await _harness.PayAsync(quoted);
        var repriced = LightningRailHarness.Context("GET /repriced", "20 sat");

        var verification = await _harness.Rail.VerifyAsync(LightningRailHarness.Payload(quoted, preimage), quoted, repriced, CancellationToken.None);

        Assert.Equal(ReasonCodes.InvalidLightningInvoiceMismatch, verification.InvalidReason);
    }

    [Fact]
    public async Task A_wrong_preimage_is_refused()
    {
        var context = LightningRailHarness.Context("GET /wrong");
        var requirements = await _harness.QuoteAsync(context);
        await _harness.PayAsync(requirements);

        var verification = await _harness.Rail.VerifyAsync(
            LightningRailHarness.Payload(requirements, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))),
            requirements, context, CancellationToken.None);

        Assert.Equal(ReasonCodes.InvalidLightningPreimage, verification.InvalidReason);
    }

    [Theory]
    [InlineData("00", "11")]
    [InlineData("zz", "zz")]
    [InlineData(null, null)]
    public async Task A_malformed_payload_is_refused_as_invalid_payload(string? hash, string? preimage)
    {
        var context = LightningRailHarness.Context("GET /malformed");
        var requirements = await _harness.QuoteAsync(context);
        var payload = LightningRailHarness.Payload(requirements, hash!, preimage!);

        Assert.Null(await _harness.Rail.MatchAsync(payload, context, CancellationToken.None));
        var verification = await _harness.Rail.VerifyAsync(payload, requirements, context, CancellationToken.None);
        Assert.Equal(ReasonCodes.InvalidPayload, verification.InvalidReason);
    }

    [Fact]
    public async Task A_payment_hash_this_server_did_not_mint_matches_nothing()
    {
        var preimage = RandomNumberGenerator.GetBytes(32);
        var hash = Convert.ToHexStringLower(SHA256.HashData(preimage));
        var context = LightningRailHarness.Context("GET /unknown");
        var requirements = await _harness.QuoteAsync(context);
        var payload = LightningRailHarness.Payload(requirements, hash, Convert.ToHexStringLower(preimage));

        Assert.Null(await _harness.Rail.MatchAsync(payload, context, CancellationToken.None));
        var verification = await _harness.Rail.VerifyAsync(payload, requirements, context, CancellationToken.None);
        Assert.Equal(ReasonCodes.InvalidLightningInvoiceUnknown, verification.InvalidReason);
    }

    [Fact]
    public async Task An_echoed_accepted_that_differs_from_the_issued_entry_matches_nothing()
    {
        var context = LightningRailHarness.Context("GET /echo");
        var requirements = await _harness.QuoteAsync(context);
        var preimage = await _harness.PayAsync(requirements);
        var altered = requirements with { Amount = "1" };

        Assert.Null(await _harness.Rail.MatchAsync(LightningRailHarness.Payload(altered, requirements.Extra!["paymentHash"]!.GetValue<string>(), preimage), context, CancellationToken.None));
    }

    [Fact]
    public async Task An_unpaid_invoice_is_refused_as_not_settled()
    {
        var context = LightningRailHarness.Context("GET /unpaid");
        var requirements = await _harness.QuoteAsync(context);
        var preimage = await _harness.MerchantPreimageAsync(requirements); // leaked, but never paid

        var verification = await _harness.Rail.VerifyAsync(LightningRailHarness.Payload(requirements, preimage), requirements, context, CancellationToken.None);

        Assert.Equal(ReasonCodes.InvalidLightningInvoiceNotSettled, verification.InvalidReason);
    }

    [Fact]
    public async Task An_expired_unpaid_invoice_is_refused_and_a_paid_one_is_honoured_after_expiry()
    {
        var context = LightningRailHarness.Context("GET /expiring", maxTimeoutSeconds: 60);
        var unpaid = await _harness.QuoteAsync(context);
        var paid = await _harness.QuoteAsync(context);
        var unpaidPreimage = await _harness.MerchantPreimageAsync(unpaid);
        var paidPreimage = await _harness.PayAsync(paid);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddSeconds(61));
        var rail = RailAt(clock);

        var expired = await rail.VerifyAsync(LightningRailHarness.Payload(unpaid, unpaidPreimage), unpaid, context, CancellationToken.None);
        var honoured = await rail.VerifyAsync(LightningRailHarness.Payload(paid, paidPreimage), paid, context, CancellationToken.None);

        Assert.Equal(ReasonCodes.InvalidLightningInvoiceExpired, expired.InvalidReason);
        Assert.True(honoured.IsValid, honoured.InvalidMessage);
    }

    /// <summary>The server's rail, but reading the time from <paramref name="clock"/>.</summary>
    private LightningRail RailAt(TimeProvider clock) => new(
        _harness.Services.GetRequiredService<LndClient>(),
        _harness.Ledger,
        _harness.Status,
        _harness.Services.GetRequiredService<IExchangeRateProvider>(),
        new SettledInvoiceCache(_harness.Services.GetRequiredService<IOptions<LightningRailOptions>>(), clock),
        _harness.Services.GetRequiredService<IOptions<LightningRailOptions>>(),
        clock,
        NullLogger<LightningRail>.Instance);
}
