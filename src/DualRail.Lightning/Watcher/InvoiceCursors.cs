using DualRail.Ledger;

namespace DualRail.Lightning.Watcher;

/// <summary>
/// The add_index and settle_index processed so far for one LND node, kept as ledger cursors named after the node's
/// endpoint (the identity would need GetInfo, which invoice.macaroon does not allow). A new endpoint starts from zero:
/// a full catch-up, never a missed settlement.
/// </summary>
internal sealed class InvoiceCursors(IPaymentLedger ledger, string endpoint)
{
    private readonly string _addName = $"lnd:{endpoint}:add_index";
    private readonly string _settleName = $"lnd:{endpoint}:settle_index";
    private ulong _add;
    private ulong _settle;

    public async ValueTask<(ulong AddIndex, ulong SettleIndex)> LoadAsync(CancellationToken cancellationToken)
    {
        _add = (ulong)Math.Max(0, await ledger.GetCursorAsync(_addName, cancellationToken) ?? 0);
        _settle = (ulong)Math.Max(0, await ledger.GetCursorAsync(_settleName, cancellationToken) ?? 0);
        return (_add, _settle);
    }

    /// <summary>Stores indexes that are higher than the stored ones; lower or zero values change nothing.</summary>
    public async ValueTask AdvanceAsync(ulong addIndex, ulong settleIndex, CancellationToken cancellationToken)
    {
        if (addIndex > _add)
        {
            await ledger.SetCursorAsync(_addName, checked((long)addIndex), cancellationToken);
            _add = addIndex;
        }

        if (settleIndex > _settle)
        {
            await ledger.SetCursorAsync(_settleName, checked((long)settleIndex), cancellationToken);
            _settle = settleIndex;
        }
    }
}
