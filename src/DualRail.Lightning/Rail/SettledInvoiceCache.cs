using System.Collections.Concurrent;
using DualRail.Ledger;
using Microsoft.Extensions.Options;

namespace DualRail.Lightning.Rail;

/// <summary>
/// Settled invoices in memory, shared by the rail and the invoice watcher. A settled invoice's ledger row never changes
/// again, so the watcher puts each settlement it records here and a paid request finds its invoice without a ledger
/// read (the rail adds what it reads from the ledger too). Entries live until the invoice's expiry and there are at
/// most <see cref="LightningRailOptions.SettledInvoiceCacheSize"/> of them; a miss only costs a ledger read.
/// </summary>
public sealed class SettledInvoiceCache
{
    private readonly TimeProvider _timeProvider;
    private readonly int _capacity;
    private readonly ConcurrentDictionary<string, IssuedInvoice> _byHash = new(StringComparer.Ordinal);

    public SettledInvoiceCache(IOptions<LightningRailOptions> options, TimeProvider timeProvider)
        : this(timeProvider, (options ?? throw new ArgumentNullException(nameof(options))).Value.SettledInvoiceCacheSize)
    {
    }

    internal SettledInvoiceCache(TimeProvider timeProvider, int capacity)
    {
        _timeProvider = timeProvider;
        _capacity = capacity;
    }

    /// <summary>False when the cache is turned off (a capacity of 0).</summary>
    public bool IsEnabled => _capacity > 0;

    public int Count => _byHash.Count;

    public bool TryGet(string paymentHash, out IssuedInvoice invoice)
    {
        if (!_byHash.TryGetValue(paymentHash, out invoice!))
            return false;
        if (_timeProvider.GetUtcNow() < invoice.ExpiresAt)
            return true;
        _byHash.TryRemove(paymentHash, out _);
        return false;
    }

    /// <summary>Keeps <paramref name="invoice"/> when it is settled and not yet expired; anything else is ignored.</summary>
    public void Add(IssuedInvoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var now = _timeProvider.GetUtcNow();
        if (_capacity <= 0 || invoice.SettledAt is null || now >= invoice.ExpiresAt)
            return;
        if (_byHash.Count >= _capacity)
            Evict(now);
        _byHash[invoice.PaymentHash] = invoice;
    }

    private void Evict(DateTimeOffset now)
    {
        foreach (var (hash, cached) in _byHash)
        {
            if (now >= cached.ExpiresAt)
                _byHash.TryRemove(hash, out _);
        }

        // Still full of live invoices: start over rather than scan on every add.
        if (_byHash.Count >= _capacity)
            _byHash.Clear();
    }
}
