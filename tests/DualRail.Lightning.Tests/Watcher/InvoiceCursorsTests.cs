using DualRail.Ledger;
using DualRail.Lightning.Watcher;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DualRail.Lightning.Tests.Watcher;

/// <summary>
/// What the watcher stores while following the stream: every settle_index at once (the subscription resumes from it),
/// the add_index of OPEN events (one per 402) only now and then, and both with every settlement.
/// </summary>
public sealed class InvoiceCursorsTests : IDisposable
{
    private const string AddCursor = "lnd:127.0.0.1:10009:add_index";
    private const string SettleCursor = "lnd:127.0.0.1:10009:settle_index";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-27T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly SqlitePaymentLedger _ledger;
    private readonly InvoiceCursors _cursors;

    public InvoiceCursorsTests()
    {
        _ledger = new SqlitePaymentLedger(Options.Create(new LedgerOptions { Path = ":memory:" }), _time);
        _cursors = new InvoiceCursors(_ledger, "127.0.0.1:10009", _time, Interval);
    }

    [Fact]
    public async Task Open_events_store_the_add_index_once_per_interval_not_once_per_invoice()
    {
        Assert.Equal((0UL, 0UL), await _cursors.LoadAsync(CancellationToken.None));

        for (ulong add = 1; add <= 50; add++)
        {
            await _cursors.AdvanceAsync(add, 0, CancellationToken.None);
        }

        Assert.Null(await StoredAsync(AddCursor));
        _time.Advance(Interval);
        await _cursors.AdvanceAsync(51, 0, CancellationToken.None);
        Assert.Equal(51, await StoredAsync(AddCursor));
        await _cursors.AdvanceAsync(52, 0, CancellationToken.None);
        Assert.Equal(51, await StoredAsync(AddCursor));
        Assert.Null(await StoredAsync(SettleCursor));
    }

    [Fact]
    public async Task A_settlement_stores_its_settle_index_and_the_latest_add_index_at_once()
    {
        await _cursors.LoadAsync(CancellationToken.None);
        _time.Advance(Interval);
        await _cursors.AdvanceAsync(1, 0, CancellationToken.None);
        await _cursors.AdvanceAsync(2, 0, CancellationToken.None);
        await _cursors.AdvanceAsync(3, 0, CancellationToken.None);

        await _cursors.AdvanceAsync(2, 1, CancellationToken.None); // invoice 2 settled after invoice 3 was added

        Assert.Equal(1, await StoredAsync(SettleCursor));
        Assert.Equal(3, await StoredAsync(AddCursor));
    }

    [Fact]
    public async Task A_catch_up_stores_both_at_once_and_lower_indexes_change_nothing()
    {
        await _ledger.SetCursorAsync(AddCursor, 40, CancellationToken.None);
        await _ledger.SetCursorAsync(SettleCursor, 7, CancellationToken.None);
        Assert.Equal((40UL, 7UL), await _cursors.LoadAsync(CancellationToken.None));

        await _cursors.SaveAsync(45, 7, CancellationToken.None);
        await _cursors.SaveAsync(44, 6, CancellationToken.None);
        await _cursors.AdvanceAsync(30, 5, CancellationToken.None);

        Assert.Equal(45, await StoredAsync(AddCursor));
        Assert.Equal(7, await StoredAsync(SettleCursor));
    }

    public void Dispose() => _ledger.Dispose();

    private async Task<long?> StoredAsync(string name) => await _ledger.GetCursorAsync(name, CancellationToken.None);
}
