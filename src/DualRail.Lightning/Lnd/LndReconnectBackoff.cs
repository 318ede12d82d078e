namespace DualRail.Lightning.Lnd;

/// <summary>
/// Exponential backoff with jitter between reconnection attempts: the initial delay doubles per
/// failed attempt up to the maximum; each wait is drawn from [delay/2, delay].
/// </summary>
public sealed class LndReconnectBackoff(TimeSpan initialDelay, TimeSpan maxDelay, TimeProvider timeProvider)
{
    public TimeSpan DelayFor(int attempt)
    {
        var exponent = Math.Min(Math.Max(attempt, 0), 20);
        var ticks = Math.Min(initialDelay.Ticks * (1L << exponent), maxDelay.Ticks);
        var jittered = ticks / 2 + (long)(Random.Shared.NextDouble() * (ticks / 2));
        return TimeSpan.FromTicks(Math.Max(jittered, 1));
    }

    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        Task.Delay(delay, timeProvider, cancellationToken);
}
