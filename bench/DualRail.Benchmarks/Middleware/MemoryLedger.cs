using System.Collections.Concurrent;
using DualRail.Ledger;
using DualRail.Rails;

namespace DualRail.Benchmarks.Middleware;

/// <summary>
/// The paid request's ledger calls answered from memory, so a benchmark can tell the middleware's own
/// cost from the database's. Only what one paid request uses is implemented.
/// </summary>
internal sealed class MemoryLedger : IPaymentLedger
{
    private readonly ConcurrentDictionary<string, bool> _reservations = new();

    public ValueTask<bool> TryReserveAsync(string singleUseKey, string resourceKey, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_reservations.TryAdd(singleUseKey, false));

    public ValueTask ReleaseAsync(string singleUseKey, CancellationToken cancellationToken)
    {
        _reservations.TryRemove(KeyValuePair.Create(singleUseKey, false));
        return ValueTask.CompletedTask;
    }

    public ValueTask MarkServedAsync(string singleUseKey, CancellationToken cancellationToken)
    {
        _reservations[singleUseKey] = true;
        return ValueTask.CompletedTask;
    }

    public ValueTask<Receipt> EnqueueSettlementAsync(SettlementRequest request, CancellationToken cancellationToken)
    {
        _reservations[request.SingleUseKey] = true;
        return ValueTask.FromResult(NewReceipt(request.SingleUseKey, request.Rail, request.Requirements.Network, ReceiptStatus.Pending, null));
    }

    public ValueTask<Receipt> RecordReceiptAsync(string singleUseKey, string rail, PaymentSettlement result, CancellationToken cancellationToken)
    {
        if (result.Success)
            _reservations[singleUseKey] = true;
        return ValueTask.FromResult(NewReceipt(singleUseKey, rail, result.Network, result.Success ? ReceiptStatus.Settled : ReceiptStatus.Failed, result.Transaction));
    }

    public ValueTask<IReadOnlyList<PendingSettlement>> LeaseDueSettlementsAsync(int max, TimeSpan lease, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<PendingSettlement>>([]);

    public ValueTask CompleteSettlementAsync(string receiptId, PaymentSettlement result, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask RetrySettlementAsync(string receiptId, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask<Receipt?> GetReceiptAsync(string receiptId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask RecordInvoiceAsync(IssuedInvoice invoice, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask<IssuedInvoice?> GetInvoiceAsync(string paymentHash, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask<bool> MarkInvoiceSettledAsync(string paymentHash, DateTimeOffset settledAt, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask<long?> GetCursorAsync(string name, CancellationToken cancellationToken) => ValueTask.FromResult<long?>(null);

    public ValueTask SetCursorAsync(string name, long value, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    private static Receipt NewReceipt(string key, string rail, string network, ReceiptStatus status, string? transaction) => new()
    {
        Id = key,
        Status = status,
        Rail = rail,
        Network = network,
        Transaction = transaction,
        SingleUseKey = key,
        CreatedAt = DateTimeOffset.UnixEpoch,
    };
}
