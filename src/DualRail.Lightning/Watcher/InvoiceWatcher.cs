using DualRail.Ledger;
using DualRail.Lightning.Lnd;
using DualRail.Lightning.Rail;
using Grpc.Core;
using Lnrpc;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualRail.Lightning.Watcher;

/// <summary>
/// Follows LND's invoice events and records the settlement of every invoice this server minted. On start and
/// after every stream failure it waits for LND, catches up with ListInvoices, then resubscribes from the stored
/// indexes, so no settlement is missed across LND or server restarts. Handling is idempotent: replays and live
/// events may overlap. While the stream is down the node is reported unavailable. It needs only what LND's
/// invoice.macaroon grants (invoices:read), plus the unauthenticated State service.
/// </summary>
public sealed class InvoiceWatcher(
    LndClient lnd,
    IPaymentLedger ledger,
    LightningNodeStatus status,
    SettledInvoiceCache settledInvoices,
    IOptions<InvoiceWatcherOptions> options,
    TimeProvider timeProvider,
    ILogger<InvoiceWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A dropped stream is retried after the shortest backoff and keeps Lightning in accepts while LND still
        // answers (events in between are replayed); a second failure in a row takes it out until LND is back.
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            string reason;
            try
            {
                await FollowAsync(() => failures = 0, stoppingToken);
                reason = "the LND invoice stream ended";
                InvoiceWatcherLog.StreamEnded(logger);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (LndCertificateRejectedException ex)
            {
                // Not transient: say so at once (health, log) rather than after a second failure; keep checking slowly.
                reason = ex.Message;
                InvoiceWatcherLog.CertificateRejected(logger, ex.Message);
                failures = Math.Max(failures, 1);
            }
            catch (RpcException ex)
            {
                reason = $"LND is unreachable or failing ({ex.StatusCode})";
                InvoiceWatcherLog.StreamFailed(logger, ex.StatusCode, ex.Status.Detail);
            }
            catch (Exception ex)
            {
                reason = $"the invoice watcher failed ({ex.GetType().Name})";
                InvoiceWatcherLog.WatcherFailed(logger, ex);
            }

            if (++failures >= 2)
            {
                status.MarkUnavailable(reason);
            }

            try
            {
                await lnd.Backoff.WaitAsync(lnd.Backoff.DelayFor(failures - 1), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task FollowAsync(Action following, CancellationToken cancellationToken)
    {
        if (!await IsNodeActiveAsync(cancellationToken))
        {
            status.MarkUnavailable("LND is unreachable or not ready");
            await lnd.WaitUntilReadyAsync(cancellationToken);
        }

        var cursors = new InvoiceCursors(ledger, lnd.Endpoint.Authority, timeProvider, options.Value.AddIndexSaveInterval);
        var (addIndex, settleIndex) = await CatchUpAsync(cursors, cancellationToken);

        using var call = lnd.Lightning.SubscribeInvoices(
            new InvoiceSubscription { AddIndex = addIndex, SettleIndex = settleIndex },
            cancellationToken: cancellationToken);
        status.Advance(addIndex, settleIndex);
        status.MarkAvailable();
        following();
        InvoiceWatcherLog.Following(logger, lnd.Endpoint.Authority, addIndex, settleIndex);

        await foreach (var invoice in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            await HandleAsync(invoice, cancellationToken);
            await cursors.AdvanceAsync(invoice.AddIndex, invoice.State == Invoice.Types.InvoiceState.Settled ? invoice.SettleIndex : 0, cancellationToken);
            status.Advance(invoice.AddIndex, invoice.SettleIndex);
        }
    }

    private async Task<bool> IsNodeActiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await lnd.GetStateAsync(cancellationToken) == WalletState.ServerActive;
        }
        catch (RpcException)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads the invoices LND holds that the stream will not replay. With no settle_index stored yet, every invoice
    /// is read (a subscription from 0 replays nothing) and the cursors move to the highest indexes seen. Otherwise
    /// only invoices added since the stored add_index are read, and the settle cursor stays put: the subscription
    /// replays every settlement after it, including those of older invoices.
    /// </summary>
    private async Task<(ulong AddIndex, ulong SettleIndex)> CatchUpAsync(InvoiceCursors cursors, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.CatchUpTimeout);
        var (addIndex, settleIndex) = await cursors.LoadAsync(timeout.Token);
        var fullScan = settleIndex == 0;
        var offset = fullScan ? 0 : addIndex;
        ulong maxAdd = addIndex;
        ulong maxSettle = settleIndex;
        int read = 0, settled = 0;
        while (true)
        {
            var page = await lnd.Lightning.ListInvoicesAsync(
                new ListInvoiceRequest { IndexOffset = offset, NumMaxInvoices = (ulong)options.Value.PageSize },
                cancellationToken: timeout.Token);
            foreach (var invoice in page.Invoices)
            {
                read++;
                settled += await HandleAsync(invoice, timeout.Token) ? 1 : 0;
                maxAdd = Math.Max(maxAdd, invoice.AddIndex);
                if (invoice.State == Invoice.Types.InvoiceState.Settled)
                {
                    maxSettle = Math.Max(maxSettle, invoice.SettleIndex);
                }
            }

            if (page.Invoices.Count == 0 || page.LastIndexOffset <= offset)
            {
                break;
            }

            offset = page.LastIndexOffset;
        }

        if (!fullScan)
        {
            maxSettle = settleIndex;
        }

        await cursors.SaveAsync(maxAdd, maxSettle, timeout.Token);
        InvoiceWatcherLog.CaughtUp(logger, read, settled, fullScan);
        return (maxAdd, maxSettle);
    }

    /// <summary>Records a settled invoice of ours in the ledger; true when it was one. Idempotent.</summary>
    private async Task<bool> HandleAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        if (invoice.State != Invoice.Types.InvoiceState.Settled || invoice.RHash.Length != 32)
        {
            return false;
        }

        var paymentHash = Convert.ToHexStringLower(invoice.RHash.Span);
        var settledAt = invoice.SettleDate > 0 ? DateTimeOffset.FromUnixTimeSeconds(invoice.SettleDate) : timeProvider.GetUtcNow();
        var ours = await ledger.MarkInvoiceSettledAsync(paymentHash, settledAt, cancellationToken);
        if (ours)
        {
            InvoiceWatcherLog.InvoiceSettled(logger, paymentHash, invoice.SettleIndex);
            if (settledInvoices.IsEnabled && await ledger.GetInvoiceAsync(paymentHash, cancellationToken) is { } row)
            {
                // Read here, off the request path: the paid request that follows finds it in memory.
                settledInvoices.Add(row);
            }
        }

        return ours;
    }
}
