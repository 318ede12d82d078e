using System.Collections.Concurrent;
using DualRail.Ledger;

namespace DualRail.Lightning.Rail;

/// <summary>
/// Settled invoices in memory. A settled invoice's ledger row never changes again, so a paid request reads it once
/// (to match the payload) instead of twice (match, then verify). Entries live until the invoice's expiry and the
/// cache holds at most <c>capacity</c> of them; a miss only costs a ledger read.
/// </summary>
internal sealed class SettledInvoiceCache(TimeProvider timeProvider, int capacity)
{
    private readonly ConcurrentDictionary<string, IssuedInvoice> _byHash = new(StringComparer.Ordinal);

    public bool TryGet(string paymentHash, out IssuedInvoice invoice)
    {
        if (!_byHash.TryGetValue(paymentHash, out invoice!))
            return false;
        if (timeProvider.GetUtcNow() < invoice.ExpiresAt)
            return true;
        _byHash.TryRemove(paymentHash, out _);
        return false;
    }

    /// <summary>Keeps <paramref name="invoice"/> when it is settled and not yet expired; anything else is ignored.</summary>
    public void Add(IssuedInvoice invoice)
    {
        var now = timeProvider.GetUtcNow();
        if (capacity <= 0 || invoice.SettledAt is null || now >= invoice.ExpiresAt)
            return;
        if (_byHash.Count >= capacity)
            Evict(now);
        _byHash[invoice.PaymentHash] = invoice;
    }

    public int Count => _byHash.Count;

    private void Evict(DateTimeOffset now)
    {
        foreach (var (hash, cached) in _byHash)
        {
            if (now >= cached.ExpiresAt)
                _byHash.TryRemove(hash, out _);
        }

        // Still full of live invoices: start over rather than scan on every add.
        if (_byHash.Count >= capacity)
            _byHash.Clear();
    }
}
