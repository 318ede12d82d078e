using DualRail.Ledger;
using DualRail.Rails;

namespace DualRail.Core.Tests.Ledger;

public sealed class SqlitePaymentLedgerTests : IDisposable
{
    private readonly LedgerFixture _fixture = new();
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task FiftyConcurrentReservationsOfOneKeyLetExactlyOneThrough()
    {
        var ledger = _fixture.Open();
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
            await ledger.TryReserveAsync("evm:1:token:from:nonce", "GET /api/demo", Ct))));
        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task ConcurrentReservationsFromTwoLedgerInstancesOnOneFileLetExactlyOneThrough()
    {
        var a = _fixture.Open();
        var b = _fixture.Open();
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
            await (i % 2 == 0 ? a : b).TryReserveAsync("ln:abcd", "GET /api/demo", Ct))));
        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task ReleasedKeysCanBeReservedAgainButServedKeysNever()
    {
        var ledger = _fixture.Open();
        Assert.True(await ledger.TryReserveAsync("k1", "r", Ct));
        Assert.False(await ledger.TryReserveAsync("k1", "r", Ct));
        await ledger.ReleaseAsync("k1", Ct);
        Assert.True(await ledger.TryReserveAsync("k1", "r", Ct));
        await ledger.MarkServedAsync("k1", Ct);
        await ledger.ReleaseAsync("k1", Ct); // releasing a served key changes nothing
        Assert.False(await ledger.TryReserveAsync("k1", "r", Ct));
        _fixture.Time.Advance(TimeSpan.FromDays(1));
        Assert.False(await ledger.TryReserveAsync("k1", "r", Ct));
    }

    [Fact]
    public async Task AStaleReservationIsTakenOverAfterTheReservationTimeout()
    {
        var ledger = _fixture.Open(reservationTimeout: TimeSpan.FromMinutes(10));
        Assert.True(await ledger.TryReserveAsync("k", "r", Ct));
        _fixture.Time.Advance(TimeSpan.FromMinutes(9));
        Assert.False(await ledger.TryReserveAsync("k", "r", Ct));
        _fixture.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await ledger.TryReserveAsync("k", "r", Ct));
    }

    [Fact]
    public async Task EnqueueIsIdempotentPerKeyMarksServedAndSignals()
    {
        var signal = new SettlementSignal();
        var ledger = _fixture.Open(signal);
        var first = await ledger.EnqueueSettlementAsync(LedgerFixture.Request("k"), Ct);
        var second = await ledger.EnqueueSettlementAsync(LedgerFixture.Request("k"), Ct);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(ReceiptStatus.Pending, first.Status);
        Assert.Equal("test:fake", first.Network);
        Assert.False(await ledger.TryReserveAsync("k", "r", Ct));
        Assert.True(await signal.WaitAsync(TimeSpan.Zero, _fixture.Time, Ct));
    }

    [Fact]
    public async Task ALeasedRowIsInvisibleUntilItsLeaseRunsOut()
    {
        var ledger = _fixture.Open();
        var receipt = await ledger.EnqueueSettlementAsync(LedgerFixture.Request("k"), Ct);

        var leased = Assert.Single(await ledger.LeaseDueSettlementsAsync(10, TimeSpan.FromMinutes(2), Ct));
        Assert.Equal(receipt.Id, leased.ReceiptId);
        Assert.Equal(1, leased.Attempts);
        Assert.Equal("k", leased.Request.Payload.Payload["proof"]!.GetValue<string>());
        Assert.Empty(await ledger.LeaseDueSettlementsAsync(10, TimeSpan.FromMinutes(2), Ct));

        _fixture.Time.Advance(TimeSpan.FromMinutes(3));
        var again = Assert.Single(await ledger.LeaseDueSettlementsAsync(10, TimeSpan.FromMinutes(2), Ct));
        Assert.Equal(2, again.Attempts);
    }

    [Fact]
    public async Task TwoLedgersLeasingOneQueueNeverGetTheSameRow()
    {
        var a = _fixture.Open();
        var b = _fixture.Open();
        for (var i = 0; i < 60; i++)
            await a.EnqueueSettlementAsync(LedgerFixture.Request($"k{i}"), Ct);

        var batches = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
            await (i % 2 == 0 ? a : b).LeaseDueSettlementsAsync(7, TimeSpan.FromMinutes(2), Ct))));
        var ids = batches.SelectMany(batch => batch).Select(p => p.ReceiptId).ToList();
        Assert.Equal(60, ids.Count);
        Assert.Equal(60, ids.Distinct().Count());
    }

    [Fact]
    public async Task CompletedRowsLeaveTheQueueAndKeepTheirFirstOutcome()
    {
        var ledger = _fixture.Open();
        var receipt = await ledger.EnqueueSettlementAsync(LedgerFixture.Request("k"), Ct);
        await ledger.LeaseDueSettlementsAsync(10, TimeSpan.FromMinutes(2), Ct);

        await ledger.CompleteSettlementAsync(receipt.Id, PaymentSettlement.Succeeded("test:fake", "0xtx", "payer"), Ct);
        await ledger.CompleteSettlementAsync(receipt.Id, PaymentSettlement.Failed("test:fake", "late"), Ct);

        var stored = await ledger.GetReceiptAsync(receipt.Id, Ct);
        Assert.Equal(ReceiptStatus.Settled, stored!.Status);
        Assert.Equal("0xtx", stored.Transaction);
        Assert.Equal("payer", stored.Payer);
        Assert.Equal(_fixture.Time.GetUtcNow(), stored.SettledAt);
        _fixture.Time.Advance(TimeSpan.FromHours(1));
        Assert.Empty(await ledger.LeaseDueSettlementsAsync(10, TimeSpan.FromMinutes(2), Ct));
    }

    [Fact]
    public async Task RetriedRowsComeBackOnlyWhenDue()
    {
        var ledger = _fixture.Open();
        var receipt = await ledger.EnqueueSettlementAsync(LedgerFixture.Request("k"), Ct);
        await ledger.LeaseDueSettlementsAsync(10, TimeSpan.FromMinutes(2), Ct);
        await ledger.RetrySettlementAsync(receipt.Id, _fixture.Time.GetUtcNow().AddSeconds(30), "facilitator down", Ct);

        Assert.Empty(await ledger.LeaseDueSettlementsAsync(10, TimeSpan.FromMinutes(2), Ct));
        _fixture.Time.Advance(TimeSpan.FromSeconds(31));
        var leased = Assert.Single(await ledger.LeaseDueSettlementsAsync(10, TimeSpan.FromMinutes(2), Ct));
        Assert.Equal("facilitator down", leased.LastError);
        Assert.Equal(2, leased.Attempts);
    }

    [Fact]
    public async Task PendingRowsSurviveARestart()
    {
        var before = _fixture.Open();
        var receipt = await before.EnqueueSettlementAsync(LedgerFixture.Request("k"), Ct);
        before.Dispose();

        var after = _fixture.Open();
        Assert.Equal(ReceiptStatus.Pending, (await after.GetReceiptAsync(receipt.Id, Ct))!.Status);
        Assert.Equal(receipt.Id, Assert.Single(await after.LeaseDueSettlementsAsync(10, TimeSpan.FromMinutes(1), Ct)).ReceiptId);
    }

    [Fact]
    public async Task RecordedReceiptsNeverOverwriteASettledOneButReplaceAFailedOne()
    {
        var ledger = _fixture.Open();
        var failed = await ledger.RecordReceiptAsync("k", "fake", PaymentSettlement.Failed("test:fake", "invalid_transaction_state"), Ct);
        Assert.Equal(ReceiptStatus.Failed, failed.Status);
        Assert.Equal("invalid_transaction_state", failed.ErrorReason);

        var settled = await ledger.RecordReceiptAsync("k", "fake", PaymentSettlement.Succeeded("test:fake", "0x1"), Ct);
        Assert.Equal(ReceiptStatus.Settled, settled.Status);
        Assert.Equal(failed.Id, settled.Id);

        var again = await ledger.RecordReceiptAsync("k", "fake", PaymentSettlement.Succeeded("test:fake", "0x2"), Ct);
        Assert.Equal("0x1", again.Transaction);
        Assert.Null(await ledger.GetReceiptAsync("nope", Ct));
    }

    [Fact]
    public async Task InvoicesAndCursorsRoundTrip()
    {
        var ledger = _fixture.Open();
        var invoice = new IssuedInvoice
        {
            PaymentHash = "ab01",
            ResourceKey = "GET /api/demo",
            AmountMsat = 16_667,
            Network = "bip122:0f9188f13cb7b2c71f2a335e3a4fc328",
            Bolt11 = "lnbcrt1...",
            PayTo = "02ff",
            ExpiresAt = _fixture.Time.GetUtcNow().AddMinutes(10),
            Requirements = LedgerFixture.Requirements(),
        };
        await ledger.RecordInvoiceAsync(invoice, Ct);
        Assert.Equal(invoice, await ledger.GetInvoiceAsync("ab01", Ct));

        var settledAt = _fixture.Time.GetUtcNow().AddMinutes(1);
        Assert.True(await ledger.MarkInvoiceSettledAsync("ab01", settledAt, Ct));
        Assert.True(await ledger.MarkInvoiceSettledAsync("ab01", settledAt.AddMinutes(5), Ct));
        Assert.Equal(settledAt, (await ledger.GetInvoiceAsync("ab01", Ct))!.SettledAt);
        Assert.False(await ledger.MarkInvoiceSettledAsync("unknown", settledAt, Ct));
        await Assert.ThrowsAnyAsync<Exception>(async () => await ledger.RecordInvoiceAsync(invoice, Ct));

        Assert.Null(await ledger.GetCursorAsync("settle_index", Ct));
        await ledger.SetCursorAsync("settle_index", 41, Ct);
        await ledger.SetCursorAsync("settle_index", 42, Ct);
        Assert.Equal(42, await ledger.GetCursorAsync("settle_index", Ct));
    }

    [Fact]
    public async Task AnInMemoryLedgerWorksForTheLifeOfTheInstance()
    {
        using var ledger = new SqlitePaymentLedger(Microsoft.Extensions.Options.Options.Create(new LedgerOptions { Path = ":memory:" }), _fixture.Time);
        Assert.True(await ledger.TryReserveAsync("k", "r", Ct));
        Assert.False(await ledger.TryReserveAsync("k", "r", Ct));
        var receipt = await ledger.EnqueueSettlementAsync(LedgerFixture.Request("k"), Ct);
        Assert.Equal(receipt.Id, Assert.Single(await ledger.LeaseDueSettlementsAsync(5, TimeSpan.FromMinutes(1), Ct)).ReceiptId);
    }
}
