namespace DualRail.Lightning.Tests.Rail;

/// <summary>The invoice watcher across LND and server restarts: no settlement is lost, Lightning comes back by itself.</summary>
public sealed class InvoiceWatcherTests : IAsyncLifetime
{
    private LightningRailHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await LightningRailHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task An_invoice_paid_while_the_server_was_down_is_honoured_after_restart()
    {
        var context = LightningRailHarness.Context("GET /restart");
        var before = await _harness.QuoteAsync(context);
        await _harness.PayAsync(before);
        await WaitSettledAsync(before);
        var during = await _harness.QuoteAsync(context);
        await _harness.StopServerAsync();

        var preimage = await _harness.PayAsync(during);
        await _harness.StartServerAsync();

        // The restarted watcher resubscribes from the stored settle_index; LND replays the settlement it missed.
        await WaitSettledAsync(during);
        var verification = await _harness.Rail.VerifyAsync(LightningRailHarness.Payload(during, preimage), during, context, CancellationToken.None);
        Assert.True(verification.IsValid, verification.InvalidMessage);
    }

    [Fact]
    public async Task The_first_settlement_is_found_by_a_full_scan_when_no_index_is_stored()
    {
        var context = LightningRailHarness.Context("GET /first");
        var requirements = await _harness.QuoteAsync(context);
        await _harness.StopServerAsync();

        await _harness.PayAsync(requirements);
        await _harness.StartServerAsync();

        Assert.NotNull((await _harness.Ledger.GetInvoiceAsync(Hash(requirements), CancellationToken.None))?.SettledAt);
    }

    [Fact]
    public async Task A_stream_drop_in_the_middle_of_a_run_of_payments_loses_none()
    {
        var context = LightningRailHarness.Context("GET /run", "21 sat");
        var invoices = new List<DualRail.Protocol.PaymentRequirements>();
        for (var i = 0; i < 12; i++)
        {
            invoices.Add(await _harness.QuoteAsync(context));
        }

        foreach (var invoice in invoices.Take(4))
        {
            await _harness.PayAsync(invoice);
        }

        _harness.Simulator.Network.DropStreams(); // every stream ends; the watcher resubscribes while payments go on
        await Task.WhenAll(invoices.Skip(4).Select(_harness.PayAsync));

        foreach (var invoice in invoices)
        {
            await WaitSettledAsync(invoice);
        }
    }

    [Fact]
    public async Task While_lnd_is_down_the_rail_is_unavailable_and_it_comes_back_by_itself()
    {
        var context = LightningRailHarness.Context("GET /outage");

        await _harness.Simulator.TakeDownAsync();
        await LightningRailHarness.WaitUntilAsync(() => !_harness.Rail.IsAvailable);
        Assert.Empty(await _harness.Rail.QuoteAsync(context, CancellationToken.None));
        Assert.NotNull(_harness.Status.LastError);

        await _harness.Simulator.BringUpAsync();
        await LightningRailHarness.WaitUntilAsync(() => _harness.Rail.IsAvailable);
        var requirements = await _harness.QuoteAsync(context);
        await _harness.PayAsync(requirements);
        await WaitSettledAsync(requirements);
    }

    private static string Hash(DualRail.Protocol.PaymentRequirements requirements) =>
        requirements.Extra!["paymentHash"]!.GetValue<string>();

    private async Task WaitSettledAsync(DualRail.Protocol.PaymentRequirements requirements) =>
        await LightningRailHarness.WaitUntilAsync(async () =>
            (await _harness.Ledger.GetInvoiceAsync(Hash(requirements), CancellationToken.None))?.SettledAt is not null);
}
