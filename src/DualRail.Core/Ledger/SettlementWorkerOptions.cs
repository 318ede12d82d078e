namespace DualRail.Ledger;

/// <summary>Options bound from <c>DualRail:Settlement</c>.</summary>
public sealed class SettlementWorkerOptions
{
    public const string SectionName = "DualRail:Settlement";

    /// <summary>Attempts before a settlement is given up as failed. Default 8.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// How long a leased settlement is invisible to other workers. Must exceed the longest settle call
    /// (facilitator timeouts included): a lease that runs out lets another worker try again. Default 2 minutes.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the queue is polled when nothing wakes the worker (rows left by a restart, due retries). Default 5 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Delay before the first retry; doubles per attempt. Default 2 s.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Upper bound of the retry delay. Default 5 minutes.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Settlements leased per round. Default 16.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>
    /// Settlements in flight at once (each holds its own lease); 1 settles one at a time. Default 32.
    /// Each one is a settle call to the rail (for EVM, an HTTP call to the facilitator that lasts until the transaction is mined).
    /// </summary>
    public int MaxConcurrency { get; set; } = 32;

    /// <summary>The delay before retry number <paramref name="attempts"/> + 1.</summary>
    public TimeSpan BackoffAfter(int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ticks = InitialBackoff.Ticks * Math.Pow(2, exponent);
        return ticks >= MaxBackoff.Ticks ? MaxBackoff : TimeSpan.FromTicks((long)ticks);
    }
}
