using DualRail.Ledger;
using DualRail.Lightning.Rail;
using DualRail.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace DualRail.Lightning.Tests.Rail;

/// <summary>Only settled invoices are kept, each until its expiry, and never more than the capacity.</summary>
public sealed class SettledInvoiceCacheTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-27T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void A_settled_invoice_is_kept_until_it_expires_and_an_open_one_never()
    {
        var cache = new SettledInvoiceCache(_time, capacity: 10);
        cache.Add(Invoice("aa", settled: true, lifetime: TimeSpan.FromMinutes(5)));
        cache.Add(Invoice("bb", settled: false, lifetime: TimeSpan.FromMinutes(5)));

        Assert.True(cache.TryGet("aa", out var kept));
        Assert.Equal("aa", kept.PaymentHash);
        Assert.False(cache.TryGet("bb", out _));

        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.False(cache.TryGet("aa", out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void It_never_holds_more_than_its_capacity_and_expired_entries_go_first()
    {
        var cache = new SettledInvoiceCache(_time, capacity: 3);
        cache.Add(Invoice("01", settled: true, lifetime: TimeSpan.FromMinutes(1)));
        cache.Add(Invoice("02", settled: true, lifetime: TimeSpan.FromHours(1)));
        cache.Add(Invoice("03", settled: true, lifetime: TimeSpan.FromHours(1)));
        _time.Advance(TimeSpan.FromMinutes(2));

        cache.Add(Invoice("04", settled: true, lifetime: TimeSpan.FromHours(1)));
        Assert.Equal(3, cache.Count);
        Assert.True(cache.TryGet("02", out _));
        Assert.True(cache.TryGet("04", out _));

        for (var i = 10; i < 30; i++)
        {
            cache.Add(Invoice(i.ToString(System.Globalization.CultureInfo.InvariantCulture), settled: true, lifetime: TimeSpan.FromHours(1)));
            Assert.InRange(cache.Count, 1, 3);
        }
    }

    [Fact]
    public void A_capacity_of_zero_keeps_nothing()
    {
        var cache = new SettledInvoiceCache(_time, capacity: 0);
        cache.Add(Invoice("aa", settled: true, lifetime: TimeSpan.FromMinutes(5)));
        Assert.False(cache.TryGet("aa", out _));
    }

    private IssuedInvoice Invoice(string hash, bool settled, TimeSpan lifetime) => new()
    {
        PaymentHash = hash,
        ResourceKey = "GET /x",
        AmountMsat = 10_000,
        Network = "bip122:0f9188f13cb7b2c71f2a335e3a4fc328",
        Bolt11 = "lnbcrt1",
        PayTo = "02",
        ExpiresAt = _time.GetUtcNow() + lifetime,
        SettledAt = settled ? _time.GetUtcNow() : null,
        Requirements = new PaymentRequirements
        {
            Scheme = "exact",
            Network = "bip122:0f9188f13cb7b2c71f2a335e3a4fc328",
            Amount = "10000",
            Asset = "BTC",
            PayTo = "02",
            MaxTimeoutSeconds = 60,
        },
    };
}
