using DualRail.Ledger;
using DualRail.Rails;
using Microsoft.Data.Sqlite;

namespace DualRail.Core.Tests.Ledger;

/// <summary>
/// The single writer of <see cref="SqlitePaymentLedger"/>: concurrent writes are grouped into one
/// transaction, each write fails alone, nothing is reported before its commit, other processes'
/// writes interleave, and dispose drains the queue.
/// </summary>
public sealed class SqliteLedgerGroupCommitTests : IDisposable
{
    private readonly LedgerFixture _fixture = new();
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task TwoHundredConcurrentReservationsOfOneKeyLetExactlyOneThrough()
    {
        var ledger = _fixture.Open();
        await ledger.InitializeAsync();
        var gate = new TaskCompletionSource();
        var attempts = Enumerable.Range(0, 200).Select(_ => Task.Run(async () =>
        {
            await gate.Task;
            return await ledger.TryReserveAsync("ln:one", "GET /api/demo", Ct);
        })).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(attempts);
        Assert.Equal(1, results.Count(reserved => reserved));
    }

    [Theory]
    [InlineData(LedgerSynchronousMode.Full)]
    [InlineData(LedgerSynchronousMode.Normal)]
    public async Task ConcurrentPaidRequestsWithDistinctKeysAllWinAndSurviveAReopen(LedgerSynchronousMode synchronous)
    {
        var keys = Enumerable.Range(0, 120).Select(i => $"evm:key:{i}").ToList();
        var before = _fixture.Open(synchronous: synchronous);
        var receipts = await Task.WhenAll(keys.Select(key => Task.Run(async () =>
        {
            Assert.True(await before.TryReserveAsync(key, "GET /api/demo", Ct));
            return await before.EnqueueSettlementAsync(LedgerFixture.Request(key), Ct);
        })));
        Assert.Equal(keys.Count, receipts.Select(r => r.Id).Distinct().Count());
        await before.DisposeAsync();

        var after = _fixture.Open();
        foreach (var key in keys)
            Assert.False(await after.TryReserveAsync(key, "GET /api/demo", Ct));
        var leased = await after.LeaseDueSettlementsAsync(1000, TimeSpan.FromMinutes(1), Ct);
        Assert.Equal(receipts.Select(r => r.Id).Order(), leased.Select(p => p.ReceiptId).Order());
        Assert.Equal(keys.Order(), leased.Select(p => p.Request.SingleUseKey).Order());
    }

    [Fact]
    public async Task AWriteThatViolatesAConstraintFailsAloneWhileTheRestOfItsGroupCommits()
    {
        var ledger = _fixture.Open();
        var writer = await ledger.Writer;
        await ledger.RecordInvoiceAsync(Invoice("ab01"), Ct);
        var commitsBefore = writer.Commits;

        Task duplicate, badEnqueue;
        Task<bool>[] reservations;
        Task cursor;
        using (var foreign = new ForeignWriter(_fixture.Path))
        {
            // The writer takes a first write and waits for the lock; everything queued meanwhile is one group.
            var first = ledger.SetCursorAsync("first", 1, Ct).AsTask();
            SpinWait.SpinUntil(() => writer.Queued == 0);
            reservations = [ReserveAsync(ledger, "k1"), ReserveAsync(ledger, "k2")];
            duplicate = ledger.RecordInvoiceAsync(Invoice("ab01"), Ct).AsTask();
            // Its first statement (served) succeeds, its second (a NOT NULL column) fails: the savepoint undoes both.
            badEnqueue = ledger.EnqueueSettlementAsync(LedgerFixture.Request("k3") with
            {
                Requirements = LedgerFixture.Requirements() with { Network = null! },
            }, Ct).AsTask();
            reservations = [.. reservations, ReserveAsync(ledger, "k4")];
            cursor = ledger.SetCursorAsync("last", 2, Ct).AsTask();
            Assert.False(first.IsCompleted);
            foreign.Commit();
            await first;
        }

        var constraint = await Assert.ThrowsAsync<SqliteException>(() => duplicate);
        Assert.Equal(19, constraint.SqliteErrorCode); // SQLITE_CONSTRAINT
        await Assert.ThrowsAsync<SqliteException>(() => badEnqueue);
        Assert.All(await Task.WhenAll(reservations), Assert.True);
        await cursor;
        Assert.Equal(commitsBefore + 2, writer.Commits);

        await ledger.DisposeAsync();
        var reopened = _fixture.Open();
        Assert.Equal(2, await reopened.GetCursorAsync("last", Ct));
        foreach (var key in new[] { "k1", "k2", "k4" })
            Assert.False(await reopened.TryReserveAsync(key, "r", Ct));
        Assert.True(await reopened.TryReserveAsync("k3", "r", Ct));
        Assert.Empty(await reopened.LeaseDueSettlementsAsync(10, TimeSpan.FromMinutes(1), Ct));
    }

    [Fact]
    public async Task WhenTheGroupsTransactionIsLostNoWriteOfTheGroupReportsSuccess()
    {
        var ledger = _fixture.Open();
        var writer = await ledger.Writer;
        Task<bool>[] group;
        Task<int> rogue;
        using (var foreign = new ForeignWriter(_fixture.Path))
        {
            var first = ledger.SetCursorAsync("first", 1, Ct).AsTask();
            SpinWait.SpinUntil(() => writer.Queued == 0);
            group = [ReserveAsync(ledger, "k1")];
            // Ends the whole transaction from inside (as SQLITE_FULL or an I/O error would): k1 was written in it.
            rogue = writer.WriteAsync(context => context.Execute("ROLLBACK"), Ct);
            group = [.. group, ReserveAsync(ledger, "k2")];
            foreign.Commit();
            await first;
        }

        await Assert.ThrowsAsync<SqliteException>(() => rogue);
        foreach (var write in group)
            await Assert.ThrowsAsync<SqliteException>(() => write);
        Assert.True(await ledger.TryReserveAsync("k1", "r", Ct));
        Assert.True(await ledger.TryReserveAsync("k2", "r", Ct));
    }

    [Fact]
    public async Task WritesWaitForAnotherProcessHoldingTheLockAndSeeWhatItCommitted()
    {
        var ledger = _fixture.Open();
        await ledger.InitializeAsync();
        Task<bool> contested, free;
        using (var foreign = new ForeignWriter(_fixture.Path))
        {
            foreign.Execute("INSERT INTO reservations (single_use_key, resource_key, state, reserved_at) VALUES ('ln:theirs', 'r', 'served', 0)");
            contested = ReserveAsync(ledger, "ln:theirs");
            free = ReserveAsync(ledger, "ln:ours");
            Assert.False(contested.IsCompleted);
            foreign.Commit();
        }
        Assert.False(await contested);
        Assert.True(await free);
    }

    [Fact]
    public async Task TwoLedgersOnOneFileInterleaveTheirWritesAndDecideEveryKeyOnce()
    {
        var a = _fixture.Open();
        var b = _fixture.Open();
        var keys = Enumerable.Range(0, 60).Select(i => $"ln:{i:x4}").ToList();
        var attempts = keys.SelectMany(key => new[] { a, b }.Select(ledger => Task.Run(async () =>
        {
            if (!await ledger.TryReserveAsync(key, "GET /api/demo", Ct))
                return (Key: key, Receipt: (Receipt?)null);
            return (Key: key, Receipt: await ledger.EnqueueSettlementAsync(LedgerFixture.Request(key), Ct));
        }))).ToList();
        var results = await Task.WhenAll(attempts);

        var winners = results.Where(r => r.Receipt is not null).ToList();
        Assert.Equal(keys.Order(), winners.Select(w => w.Key).Order());
        var leased = (await Task.WhenAll(a.LeaseDueSettlementsAsync(1000, TimeSpan.FromMinutes(1), Ct).AsTask(),
            b.LeaseDueSettlementsAsync(1000, TimeSpan.FromMinutes(1), Ct).AsTask())).SelectMany(batch => batch).ToList();
        Assert.Equal(winners.Select(w => w.Receipt!.Id).Order(), leased.Select(p => p.ReceiptId).Order());
    }

    [Fact]
    public async Task DisposeCommitsTheQueuedWritesThenRefusesNewOnes()
    {
        var ledger = _fixture.Open();
        await ledger.InitializeAsync();
        var keys = Enumerable.Range(0, 30).Select(i => $"k{i}").ToList();
        ValueTask disposal;
        Task<bool>[] queued;
        using (var foreign = new ForeignWriter(_fixture.Path))
        {
            queued = [.. keys.Select(key => ReserveAsync(ledger, key))];
            disposal = ledger.DisposeAsync();
            await Assert.ThrowsAsync<ObjectDisposedException>(async () => await ledger.TryReserveAsync("late", "r", Ct));
            await Assert.ThrowsAsync<ObjectDisposedException>(async () => await ledger.GetReceiptAsync("x", Ct));
            Assert.False(disposal.IsCompleted);
            foreign.Commit();
        }
        await disposal;
        Assert.All(await Task.WhenAll(queued), Assert.True);
        ledger.Dispose(); // a second dispose is harmless

        var reopened = _fixture.Open();
        foreach (var key in keys)
            Assert.False(await reopened.TryReserveAsync(key, "r", Ct));
        Assert.True(await reopened.TryReserveAsync("late", "r", Ct));
    }

    [Fact]
    public async Task AWriteCanceledBeforeItRunsIsNotApplied()
    {
        var ledger = _fixture.Open();
        await ledger.InitializeAsync();
        using var canceled = new CancellationTokenSource();
        Task<bool> reservation;
        using (var foreign = new ForeignWriter(_fixture.Path))
        {
            reservation = ledger.TryReserveAsync("k", "r", canceled.Token).AsTask();
            await canceled.CancelAsync();
            foreign.Commit();
        }
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reservation);
        Assert.True(await ledger.TryReserveAsync("k", "r", Ct));
    }

    [Fact]
    public async Task AnInMemoryLedgerDrainsOnDisposeToo()
    {
        var ledger = new SqlitePaymentLedger(Microsoft.Extensions.Options.Options.Create(new LedgerOptions { Path = ":memory:" }), _fixture.Time);
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => ReserveAsync(ledger, $"k{i % 20}")));
        Assert.Equal(20, results.Count(reserved => reserved));
        ledger.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await ledger.TryReserveAsync("k", "r", Ct));
    }

    private static Task<bool> ReserveAsync(SqlitePaymentLedger ledger, string key) =>
        ledger.TryReserveAsync(key, "GET /api/demo", Ct).AsTask();

    private IssuedInvoice Invoice(string paymentHash) => new()
    {
        PaymentHash = paymentHash,
        ResourceKey = "GET /api/demo",
        AmountMsat = 10_000,
        Network = "bip122:0f9188f13cb7b2c71f2a335e3a4fc328",
        Bolt11 = "lnbcrt1...",
        PayTo = "02ff",
        ExpiresAt = _fixture.Time.GetUtcNow().AddMinutes(10),
        Requirements = LedgerFixture.Requirements(),
    };
}
