using DualRail.Ledger;

namespace DualRail.Lightning.Watcher;

/// <summary>
/// The add_index and settle_index processed so far for one LND node, kept as ledger cursors named after the node's
/// endpoint (the identity would need GetInfo, which invoice.macaroon does not allow). A new endpoint starts from zero:
/// a full catch-up, never a missed settlement.
/// </summary>
/// <remarks>
/// The settle_index is written with every settlement: it is what the subscription resumes from. The add_index only
/// bounds the next catch-up's ListInvoices scan (every settlement after the stored settle_index is replayed whatever
/// the add_index), so a stale one costs a longer scan, never a missed settlement. Every 402 mints an invoice and LND
/// streams its OPEN event, so the add_index alone is written at most once per <c>addIndexSaveInterval</c> instead of
/// once per challenge; it also goes out with every settle_index write.
/// </remarks>
internal sealed class InvoiceCursors(IPaymentLedger ledger, string endpoint, TimeProvider timeProvider, TimeSpan addIndexSaveInterval)
{
    private readonly string _addName = $"lnd:{endpoint}:add_index";
    private readonly string _settleName = $"lnd:{endpoint}:settle_index";
    private ulong _add;
    private ulong _settle;
    private ulong _seenAdd;
    private DateTimeOffset _addSavedAt;

    public async ValueTask<(ulong AddIndex, ulong SettleIndex)> LoadAsync(CancellationToken cancellationToken)
    {
        _add = (ulong)Math.Max(0, await ledger.GetCursorAsync(_addName, cancellationToken) ?? 0);
        _settle = (ulong)Math.Max(0, await ledger.GetCursorAsync(_settleName, cancellationToken) ?? 0);
        _seenAdd = _add;
        _addSavedAt = timeProvider.GetUtcNow();
        return (_add, _settle);
    }

    /// <summary>Notes indexes seen on the stream: a higher settle_index is stored at once, a higher add_index in time.</summary>
    public async ValueTask AdvanceAsync(ulong addIndex, ulong settleIndex, CancellationToken cancellationToken)
    {
        _seenAdd = Math.Max(_seenAdd, addIndex);
        var settled = settleIndex > _settle;
        if (settled)
        {
            await ledger.SetCursorAsync(_settleName, checked((long)settleIndex), cancellationToken);
            _settle = settleIndex;
        }

        if (_seenAdd > _add && (settled || timeProvider.GetUtcNow() - _addSavedAt >= addIndexSaveInterval))
        {
            await SaveAddAsync(cancellationToken);
        }
    }

    /// <summary>Stores indexes that are higher than the stored ones, both at once; lower or zero values change nothing.</summary>
    public async ValueTask SaveAsync(ulong addIndex, ulong settleIndex, CancellationToken cancellationToken)
    {
        _seenAdd = Math.Max(_seenAdd, addIndex);
        if (_seenAdd > _add)
        {
            await SaveAddAsync(cancellationToken);
        }

        if (settleIndex > _settle)
        {
            await ledger.SetCursorAsync(_settleName, checked((long)settleIndex), cancellationToken);
            _settle = settleIndex;
        }
    }

    private async ValueTask SaveAddAsync(CancellationToken cancellationToken)
    {
        await ledger.SetCursorAsync(_addName, checked((long)_seenAdd), cancellationToken);
        _add = _seenAdd;
        _addSavedAt = timeProvider.GetUtcNow();
    }
}
