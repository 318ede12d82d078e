namespace DualRail.Lightning.Watcher;

/// <summary>
/// What the invoice watcher knows about the LND node: whether it is reachable and followed (the Lightning rail
/// sells only then) and how far settlements have been processed. Shared by the watcher, the rail
/// and the health check.
/// </summary>
public sealed class LightningNodeStatus
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private TaskCompletionSource _available = NewSignal();

    public LightningNodeStatus(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        ChangedAt = timeProvider.GetUtcNow();
    }

    /// <summary>True while LND answers and its invoice stream is open and caught up.</summary>
    public bool IsAvailable { get; private set; }

    /// <summary>Why the node is unavailable, in words fit for a health report (never a secret).</summary>
    public string? LastError { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>The highest settle_index whose invoice has been processed.</summary>
    public ulong SettleIndex { get; private set; }

    /// <summary>The highest add_index seen.</summary>
    public ulong AddIndex { get; private set; }

    /// <summary>Completes when the node is (or becomes) available.</summary>
    public Task WaitUntilAvailableAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _available.Task.WaitAsync(cancellationToken);
        }
    }

    internal void MarkAvailable()
    {
        lock (_gate)
        {
            IsAvailable = true;
            LastError = null;
            ChangedAt = _timeProvider.GetUtcNow();
            _available.TrySetResult();
        }
    }

    internal void MarkUnavailable(string reason)
    {
        lock (_gate)
        {
            if (IsAvailable)
            {
                _available = NewSignal();
            }

            IsAvailable = false;
            LastError = reason;
            ChangedAt = _timeProvider.GetUtcNow();
        }
    }

    internal void Advance(ulong addIndex, ulong settleIndex)
    {
        lock (_gate)
        {
            AddIndex = Math.Max(AddIndex, addIndex);
            SettleIndex = Math.Max(SettleIndex, settleIndex);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
