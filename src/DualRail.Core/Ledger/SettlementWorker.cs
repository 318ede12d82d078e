using DualRail.Protocol;
using DualRail.Rails;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualRail.Ledger;

/// <summary>
/// Drains the ledger's settlement queue: leases due rows, asks the rail named on each row to settle,
/// then completes the row or schedules a retry with exponential backoff, giving up as failed after
/// <see cref="SettlementWorkerOptions.MaxAttempts"/>. Up to <see cref="SettlementWorkerOptions.MaxConcurrency"/>
/// rows are settled at once, and a freed slot is refilled at once (a slow row holds only its own slot). It wakes at once when this process queues a
/// settlement (<see cref="SettlementSignal"/>) and polls otherwise, so rows left by a restart are
/// picked up. The lease keeps two workers (or two instances) from settling one payment at once.
/// </summary>
public sealed partial class SettlementWorker : BackgroundService
{
    private readonly IPaymentLedger _ledger;
    private readonly Dictionary<string, IPaymentRail> _rails;
    private readonly SettlementSignal _signal;
    private readonly IOptionsMonitor<SettlementWorkerOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SettlementWorker> _logger;

    public SettlementWorker(
        IPaymentLedger ledger,
        IEnumerable<IPaymentRail> rails,
        SettlementSignal signal,
        IOptionsMonitor<SettlementWorkerOptions> options,
        TimeProvider timeProvider,
        ILogger<SettlementWorker> logger)
    {
        _ledger = ledger;
        _rails = rails.GroupBy(r => r.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _signal = signal;
        _options = options;
        _time = timeProvider;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var running = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                running.RemoveAll(task => task.IsCompleted);
                var options = _options.CurrentValue;
                var free = options.MaxConcurrency - running.Count;
                if (free <= 0)
                {
                    // Every slot is busy: lease again as soon as one settlement finishes.
                    await Task.WhenAny(running).WaitAsync(stoppingToken);
                    continue;
                }

                var wanted = Math.Min(free, options.BatchSize);
                IReadOnlyList<PendingSettlement> due;
                try
                {
                    due = await _ledger.LeaseDueSettlementsAsync(wanted, options.LeaseDuration, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Log.QueueFailed(_logger, ex);
                    await Task.Delay(options.PollInterval, _time, stoppingToken);
                    continue;
                }

                foreach (var pending in due)
                    running.Add(ProcessGuardedAsync(pending, options, stoppingToken));

                // Fewer due rows than asked for: the queue is drained until something is queued or a retry falls due.
                if (due.Count < wanted)
                    await _signal.WaitAsync(options.PollInterval, _time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // Settlements in flight see the stopping token; an interrupted one keeps its lease and is retried after it runs out.
            await Task.WhenAll(running);
        }
    }

    /// <summary>
    /// Leases one batch of due settlements and settles it, at most <see cref="SettlementWorkerOptions.MaxConcurrency"/>
    /// at once; returns how many rows were processed.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        var due = await _ledger.LeaseDueSettlementsAsync(options.BatchSize, options.LeaseDuration, cancellationToken);
        await Parallel.ForEachAsync(
            due,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = cancellationToken },
            async (pending, token) => await ProcessAsync(pending, options, token));
        return due.Count;
    }

    /// <summary>One row in the background: never throws, so a failing row cannot stop the others.</summary>
    private async Task ProcessGuardedAsync(PendingSettlement pending, SettlementWorkerOptions options, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await ProcessAsync(pending, options, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Its lease runs out and the row is tried again.
            Log.ProcessFailed(_logger, pending.ReceiptId, ex);
        }
    }

    private async Task ProcessAsync(PendingSettlement pending, SettlementWorkerOptions options, CancellationToken cancellationToken)
    {
        var request = pending.Request;
        PaymentSettlement result;
        if (!_rails.TryGetValue(request.Rail, out var rail))
        {
            result = PaymentSettlement.Failed(request.Requirements.Network, ReasonCodes.UnexpectedSettleError,
                $"No rail named '{request.Rail}' is registered.", transient: true);
        }
        else
        {
            try
            {
                result = await rail.SettleAsync(request.Payload, request.Requirements, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw; // the lease runs out and the row is retried after the restart
            }
            catch (Exception ex)
            {
                Log.SettleThrew(_logger, request.Rail, pending.ReceiptId, ex);
                result = PaymentSettlement.Failed(request.Requirements.Network, ReasonCodes.UnexpectedSettleError, ex.GetType().Name, transient: true);
            }
        }

        if (result.Success)
        {
            await _ledger.CompleteSettlementAsync(pending.ReceiptId, result, CancellationToken.None);
            Log.Settled(_logger, pending.ReceiptId, request.Rail, result.Transaction ?? "", pending.Attempts);
        }
        else if (!result.IsTransient || pending.Attempts >= options.MaxAttempts)
        {
            await _ledger.CompleteSettlementAsync(pending.ReceiptId, result, CancellationToken.None);
            Log.GaveUp(_logger, pending.ReceiptId, request.Rail, result.ErrorReason ?? "", pending.Attempts);
        }
        else
        {
            var next = _time.GetUtcNow() + options.BackoffAfter(pending.Attempts);
            var error = result.ErrorReason + (result.ErrorMessage is null ? "" : ": " + result.ErrorMessage);
            await _ledger.RetrySettlementAsync(pending.ReceiptId, next, error, CancellationToken.None);
            Log.WillRetry(_logger, pending.ReceiptId, request.Rail, error, pending.Attempts, next);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Information, EventName = "SettlementCompleted",
            Message = "Settlement {ReceiptId} on {Rail} settled: {Transaction} (attempt {Attempts}).")]
        public static partial void Settled(ILogger logger, string receiptId, string rail, string transaction, int attempts);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, EventName = "SettlementRetryScheduled",
            Message = "Settlement {ReceiptId} on {Rail} failed transiently ({Error}) on attempt {Attempts}; retrying at {NextAttemptAt}.")]
        public static partial void WillRetry(ILogger logger, string receiptId, string rail, string error, int attempts, DateTimeOffset nextAttemptAt);

        [LoggerMessage(EventId = 2003, Level = LogLevel.Error, EventName = "SettlementFailed",
            Message = "Settlement {ReceiptId} on {Rail} failed for good ({Reason}) after {Attempts} attempt(s).")]
        public static partial void GaveUp(ILogger logger, string receiptId, string rail, string reason, int attempts);

        [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, EventName = "SettlementThrew",
            Message = "Rail {Rail} threw while settling {ReceiptId}; treated as transient.")]
        public static partial void SettleThrew(ILogger logger, string rail, string receiptId, Exception exception);

        [LoggerMessage(EventId = 2005, Level = LogLevel.Error, EventName = "SettlementQueueFailed",
            Message = "The settlement queue could not be read; retrying at the next poll.")]
        public static partial void QueueFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 2006, Level = LogLevel.Error, EventName = "SettlementRecordFailed",
            Message = "Settlement {ReceiptId} could not be recorded; it is tried again when its lease runs out.")]
        public static partial void ProcessFailed(ILogger logger, string receiptId, Exception exception);
    }
}
