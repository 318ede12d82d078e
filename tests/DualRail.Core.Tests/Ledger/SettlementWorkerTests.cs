using DualRail.Ledger;
using DualRail.Rails;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualRail.Core.Tests.Ledger;

public sealed class SettlementWorkerTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly LedgerFixture _fixture = new();
    private readonly ScriptedRail _rail = new();
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _fixture.Dispose();

    private SettlementWorker Worker(IPaymentLedger ledger, SettlementSignal? signal = null, Action<SettlementWorkerOptions>? configure = null)
    {
        var options = new SettlementWorkerOptions { InitialBackoff = TimeSpan.FromSeconds(2), MaxAttempts = 3, PollInterval = TimeSpan.FromHours(1) };
        configure?.Invoke(options);
        return new SettlementWorker(ledger, [_rail], signal ?? new SettlementSignal(),
            new StaticOptionsMonitor<SettlementWorkerOptions>(options), _fixture.Time, NullLogger<SettlementWorker>.Instance);
    }

    [Fact]
    public async Task SettlesAPendingRowAndRecordsTheTransaction()
    {
        var ledger = _fixture.Open();
        var receipt = await ledger.EnqueueSettlementAsync(LedgerFixture.Request("k"), Ct);

        Assert.Equal(1, await Worker(ledger).RunOnceAsync(Ct));

        var stored = await ledger.GetReceiptAsync(receipt.Id, Ct);
        Assert.Equal(ReceiptStatus.Settled, stored!.Status);
        Assert.Equal("tx-k", stored.Transaction);
    }

    [Fact]
    public async Task RetriesATransientFailureAfterTheBackoff()
    {
        var ledger = _fixture.Open();
        var receipt = await ledger.EnqueueSettlementAsync(LedgerFixture.Request("k"), Ct);
        _rail.Then(() => PaymentSettlement.Failed("test:fake", "unexpected_settle_error", "facilitator unreachable", transient: true));
        var worker = Worker(ledger);

        Assert.Equal(1, await worker.RunOnceAsync(Ct));
        Assert.Equal(ReceiptStatus.Pending, (await ledger.GetReceiptAsync(receipt.Id, Ct))!.Status);
        Assert.Equal(0, await worker.RunOnceAsync(Ct));

        _fixture.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await worker.RunOnceAsync(Ct));
        Assert.Equal(ReceiptStatus.Settled, (await ledger.GetReceiptAsync(receipt.Id, Ct))!.Status);
        Assert.Equal(2, _rail.SettleCalls["k"]);
    }

    [Fact]
    public async Task APermanentFailureOrTooManyAttemptsEndsAsFailed()
    {
        var ledger = _fixture.Open();
        var permanent = await ledger.EnqueueSettlementAsync(LedgerFixture.Request("p"), Ct);
        _rail.Then(() => PaymentSettlement.Failed("test:fake", "invalid_exact_evm_nonce_already_used"));
        var worker = Worker(ledger);
        await worker.RunOnceAsync(Ct);
        var failed = await ledger.GetReceiptAsync(permanent.Id, Ct);
        Assert.Equal(ReceiptStatus.Failed, failed!.Status);
        Assert.Equal("invalid_exact_evm_nonce_already_used", failed.ErrorReason);

        var transient = await ledger.EnqueueSettlementAsync(LedgerFixture.Request("t"), Ct);
        for (var i = 0; i < 3; i++)
        {
            _rail.Then(() => throw new HttpRequestException("connection refused"));
            Assert.Equal(1, await worker.RunOnceAsync(Ct));
            _fixture.Time.Advance(TimeSpan.FromMinutes(10));
        }
        Assert.Equal(ReceiptStatus.Failed, (await ledger.GetReceiptAsync(transient.Id, Ct))!.Status);
        Assert.Equal(3, _rail.SettleCalls["t"]);
        Assert.Equal(0, await worker.RunOnceAsync(Ct));
    }

    [Fact]
    public async Task ARestartedWorkerFinishesRowsLeftPending()
    {
        var before = _fixture.Open();
        var receipts = new List<Receipt>();
        for (var i = 0; i < 5; i++)
            receipts.Add(await before.EnqueueSettlementAsync(LedgerFixture.Request($"k{i}"), Ct));
        // The first process leased two rows and died before settling them.
        Assert.Equal(2, (await before.LeaseDueSettlementsAsync(2, TimeSpan.FromMinutes(2), Ct)).Count);
        before.Dispose();

        _fixture.Time.Advance(TimeSpan.FromMinutes(3));
        var after = _fixture.Open();
        var worker = Worker(after);
        await worker.StartAsync(Ct);
        try
        {
            await WaitUntilAsync(async () => (await Task.WhenAll(receipts.Select(r => after.GetReceiptAsync(r.Id, Ct).AsTask())))
                .All(r => r!.Status == ReceiptStatus.Settled));
        }
        finally
        {
            await worker.StopAsync(Ct);
        }
        Assert.All(_rail.SettleCalls.Values, calls => Assert.Equal(1, calls));
        Assert.Equal(5, _rail.SettleCalls.Count);
    }

    [Fact]
    public async Task AQueuedSettlementWakesTheWorkerWithoutWaitingForThePoll()
    {
        var signal = new SettlementSignal();
        var ledger = _fixture.Open(signal);
        var worker = Worker(ledger, signal);
        await worker.StartAsync(Ct);
        try
        {
            var receipt = await ledger.EnqueueSettlementAsync(LedgerFixture.Request("k"), Ct);
            await WaitUntilAsync(async () => (await ledger.GetReceiptAsync(receipt.Id, Ct))!.Status == ReceiptStatus.Settled);
        }
        finally
        {
            await worker.StopAsync(Ct);
        }
    }

    [Fact]
    public async Task TwoWorkersOnOneQueueSettleEveryPaymentExactlyOnce()
    {
        var a = _fixture.Open();
        var b = _fixture.Open();
        for (var i = 0; i < 40; i++)
            await a.EnqueueSettlementAsync(LedgerFixture.Request($"k{i}"), Ct);

        var workers = new[] { Worker(a, configure: o => o.BatchSize = 3), Worker(b, configure: o => o.BatchSize = 3) };
        await Task.WhenAll(workers.Select(w => Task.Run(async () =>
        {
            while (await w.RunOnceAsync(Ct) > 0)
            {
            }
        })));

        Assert.Equal(40, _rail.SettleCalls.Count);
        Assert.All(_rail.SettleCalls.Values, calls => Assert.Equal(1, calls));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!await condition())
            await Task.Delay(20, timeout.Token);
    }
}
