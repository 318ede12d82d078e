using DualRail.Ledger;
using DualRail.Rails;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualRail.Core.Tests.Ledger;

/// <summary>The background worker settling several rows at once (<see cref="SettlementWorkerOptions.MaxConcurrency"/>).</summary>
public sealed class SettlementWorkerConcurrencyTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly LedgerFixture _fixture = new();
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _fixture.Dispose();

    private SettlementWorker Worker(IPaymentLedger ledger, IPaymentRail rail, int maxConcurrency, SettlementSignal? signal = null) =>
        new(ledger, [rail], signal ?? new SettlementSignal(),
            new StaticOptionsMonitor<SettlementWorkerOptions>(new SettlementWorkerOptions
            {
                InitialBackoff = TimeSpan.FromSeconds(2),
                MaxAttempts = 3,
                PollInterval = TimeSpan.FromHours(1),
                BatchSize = 16,
                MaxConcurrency = maxConcurrency,
            }),
            _fixture.Time, NullLogger<SettlementWorker>.Instance);

    private static async Task<List<Receipt>> EnqueueAsync(SqlitePaymentLedger ledger, IEnumerable<string> keys)
    {
        var receipts = new List<Receipt>();
        foreach (var key in keys)
            receipts.Add(await ledger.EnqueueSettlementAsync(LedgerFixture.Request(key), Ct));
        return receipts;
    }

    private static async Task<int> CountAsync(SqlitePaymentLedger ledger, IEnumerable<Receipt> receipts, ReceiptStatus status)
    {
        var count = 0;
        foreach (var receipt in receipts)
        {
            if ((await ledger.GetReceiptAsync(receipt.Id, Ct))!.Status == status)
                count++;
        }
        return count;
    }

    [Fact]
    public async Task NeverSettlesMoreThanMaxConcurrencyAtOnceAndSettlesEveryRowOnce()
    {
        var ledger = _fixture.Open();
        var receipts = await EnqueueAsync(ledger, Enumerable.Range(0, 20).Select(i => $"k{i}"));
        var rail = new GatedRail();
        var worker = Worker(ledger, rail, maxConcurrency: 4);
        await worker.StartAsync(Ct);
        try
        {
            await WaitUntilAsync(() => Task.FromResult(rail.InFlight == 4));
            Assert.Equal(4, rail.SettleCalls.Count);

            rail.OpenAll();
            await WaitUntilAsync(() => AllSettledAsync(ledger, receipts));
        }
        finally
        {
            await worker.StopAsync(Ct);
        }

        Assert.Equal(4, rail.MaxInFlight);
        Assert.Equal(20, rail.SettleCalls.Count);
        Assert.All(rail.SettleCalls.Values, calls => Assert.Equal(1, calls));
    }

    [Fact]
    public async Task ASlowSettlementHoldsOnlyItsOwnSlot()
    {
        var ledger = _fixture.Open();
        var slow = (await EnqueueAsync(ledger, ["slow"])).Single();
        var others = await EnqueueAsync(ledger, Enumerable.Range(0, 10).Select(i => $"k{i}"));
        var rail = new GatedRail();
        rail.Hold("slow");
        rail.OpenAll();
        var worker = Worker(ledger, rail, maxConcurrency: 2);
        await worker.StartAsync(Ct);
        try
        {
            await WaitUntilAsync(() => AllSettledAsync(ledger, others));
            Assert.Equal(ReceiptStatus.Pending, (await ledger.GetReceiptAsync(slow.Id, Ct))!.Status);
            Assert.Equal(1, rail.InFlight);

            rail.Release("slow");
            await WaitUntilAsync(() => AllSettledAsync(ledger, [slow]));
        }
        finally
        {
            await worker.StopAsync(Ct);
        }

        Assert.Equal(2, rail.MaxInFlight);
        Assert.All(rail.SettleCalls.Values, calls => Assert.Equal(1, calls));
    }

    [Fact]
    public async Task ATransientFailureIsStillRetriedAfterItsBackoff()
    {
        var signal = new SettlementSignal();
        var ledger = _fixture.Open(signal);
        var rail = new ScriptedRail();
        rail.Then(() => PaymentSettlement.Failed("test:fake", "unexpected_settle_error", "facilitator unreachable", transient: true));
        var receipts = await EnqueueAsync(ledger, ["k", "other"]);
        var worker = Worker(ledger, rail, maxConcurrency: 8, signal);
        await worker.StartAsync(Ct);
        try
        {
            // Both rows are settled at once, so either may draw the scripted failure. The one that failed waits for
            // its backoff (2 s of the fake clock): it is settled only once the clock passes it.
            await WaitUntilAsync(async () => rail.SettleCalls.Values.Sum() == 2 && await CountAsync(ledger, receipts, ReceiptStatus.Settled) == 1);
            Assert.Equal(1, await CountAsync(ledger, receipts, ReceiptStatus.Pending));

            await WaitUntilAsync(async () =>
            {
                _fixture.Time.Advance(TimeSpan.FromMilliseconds(500));
                signal.Notify();
                return await AllSettledAsync(ledger, receipts);
            });
        }
        finally
        {
            await worker.StopAsync(Ct);
        }

        Assert.Equal(2, rail.SettleCalls.Values.Max());
        Assert.Equal(3, rail.SettleCalls.Values.Sum());
    }

    [Fact]
    public async Task StoppingEndsSettlementsInFlightAndARestartFinishesThemOnce()
    {
        var ledger = _fixture.Open();
        var receipts = await EnqueueAsync(ledger, Enumerable.Range(0, 6).Select(i => $"k{i}"));
        var stuck = new GatedRail();
        var first = Worker(ledger, stuck, maxConcurrency: 3);
        await first.StartAsync(Ct);
        await WaitUntilAsync(() => Task.FromResult(stuck.InFlight == 3));
        await first.StopAsync(Ct);

        Assert.Equal(0, stuck.InFlight);
        Assert.Equal(3, stuck.SettleCalls.Count);
        foreach (var receipt in receipts)
            Assert.Equal(ReceiptStatus.Pending, (await ledger.GetReceiptAsync(receipt.Id, Ct))!.Status);

        // The interrupted rows come back when their lease runs out.
        _fixture.Time.Advance(TimeSpan.FromMinutes(3));
        var rail = new GatedRail();
        rail.OpenAll();
        var second = Worker(ledger, rail, maxConcurrency: 3);
        await second.StartAsync(Ct);
        try
        {
            await WaitUntilAsync(() => AllSettledAsync(ledger, receipts));
        }
        finally
        {
            await second.StopAsync(Ct);
        }

        Assert.Equal(6, rail.SettleCalls.Count);
        Assert.All(rail.SettleCalls.Values, calls => Assert.Equal(1, calls));
    }

    [Fact]
    public async Task TwoConcurrentWorkersOnOneQueueSettleEveryRowExactlyOnce()
    {
        var a = _fixture.Open();
        var b = _fixture.Open();
        var receipts = await EnqueueAsync(a, Enumerable.Range(0, 60).Select(i => $"k{i}"));
        var rail = new GatedRail();
        rail.OpenAll();
        var workers = new[] { Worker(a, rail, maxConcurrency: 8), Worker(b, rail, maxConcurrency: 8) };
        foreach (var worker in workers)
            await worker.StartAsync(Ct);
        try
        {
            await WaitUntilAsync(() => AllSettledAsync(a, receipts));
        }
        finally
        {
            foreach (var worker in workers)
                await worker.StopAsync(Ct);
        }

        Assert.Equal(60, rail.SettleCalls.Count);
        Assert.All(rail.SettleCalls.Values, calls => Assert.Equal(1, calls));
    }

    private static async Task<bool> AllSettledAsync(SqlitePaymentLedger ledger, IEnumerable<Receipt> receipts)
    {
        foreach (var receipt in receipts)
        {
            if ((await ledger.GetReceiptAsync(receipt.Id, Ct))!.Status != ReceiptStatus.Settled)
                return false;
        }

        return true;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!await condition())
            await Task.Delay(20, timeout.Token);
    }
}
