using DualRail.Rails;

namespace DualRail.Ledger;

/// <summary>
/// Durable payment state: single-use reservations, the settlement queue, receipts, minted Lightning
/// invoices and named cursors. Every state change is one transaction; uniqueness is a database
/// constraint, so several server instances sharing one ledger still serve a payment once.
/// </summary>
public interface IPaymentLedger
{
    /// <summary>Reserves a payment's single-use key for a request; false if it is already reserved or served.</summary>
    ValueTask<bool> TryReserveAsync(string singleUseKey, string resourceKey, CancellationToken cancellationToken);

    /// <summary>Frees a reservation that was not served (the handler failed), so the payment can be used again.</summary>
    ValueTask ReleaseAsync(string singleUseKey, CancellationToken cancellationToken);

    /// <summary>Marks a reservation served: it can never be reserved again.</summary>
    ValueTask MarkServedAsync(string singleUseKey, CancellationToken cancellationToken);

    /// <summary>Queues a settlement durably and returns its pending receipt (the same one if already queued).</summary>
    ValueTask<Receipt> EnqueueSettlementAsync(SettlementRequest request, CancellationToken cancellationToken);

    /// <summary>Leases up to <paramref name="max"/> due pending settlements for <paramref name="lease"/>; a leased row is invisible to other workers.</summary>
    ValueTask<IReadOnlyList<PendingSettlement>> LeaseDueSettlementsAsync(int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records the final outcome of a queued settlement (settled, or failed for good).</summary>
    ValueTask CompleteSettlementAsync(string receiptId, PaymentSettlement result, CancellationToken cancellationToken);

    /// <summary>Gives a leased settlement back to the queue, due again at <paramref name="nextAttemptAt"/>.</summary>
    ValueTask RetrySettlementAsync(string receiptId, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken);

    /// <summary>
    /// Records a settlement that already happened (Sync / SettleFirst, or final at verification) as a
    /// receipt; a successful one also marks the reservation served, in the same transaction.
    /// </summary>
    ValueTask<Receipt> RecordReceiptAsync(string singleUseKey, string rail, PaymentSettlement result, CancellationToken cancellationToken);

    ValueTask<Receipt?> GetReceiptAsync(string receiptId, CancellationToken cancellationToken);

    ValueTask RecordInvoiceAsync(IssuedInvoice invoice, CancellationToken cancellationToken);

    ValueTask<IssuedInvoice?> GetInvoiceAsync(string paymentHash, CancellationToken cancellationToken);

    /// <summary>Marks a minted invoice settled; idempotent. False when the invoice is unknown.</summary>
    ValueTask<bool> MarkInvoiceSettledAsync(string paymentHash, DateTimeOffset settledAt, CancellationToken cancellationToken);

    ValueTask<long?> GetCursorAsync(string name, CancellationToken cancellationToken);

    ValueTask SetCursorAsync(string name, long value, CancellationToken cancellationToken);
}
