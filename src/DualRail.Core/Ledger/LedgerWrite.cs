namespace DualRail.Ledger;

/// <summary>
/// One queued write of the <see cref="SqliteLedgerWriter"/>: it runs its statements inside the writer's
/// transaction, keeps its outcome, and hands it to its caller only after the transaction commits.
/// </summary>
internal abstract class LedgerWrite(CancellationToken cancellationToken)
{
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Runs the statements and keeps the result; an exception here is the caller's failure.</summary>
    public abstract void Execute(LedgerWriteContext context);

    /// <summary>Keeps a failure (its own, or the whole transaction's) to report to the caller.</summary>
    public abstract void Fail(Exception exception);

    /// <summary>Keeps a cancellation: the write was skipped because its caller gave up before it ran.</summary>
    public abstract void Cancel();

    /// <summary>Forgets the kept outcome: the transaction was rolled back and the write runs again.</summary>
    public abstract void Reset();

    /// <summary>Completes the caller's task with the kept outcome; called once, after the commit (or the final failure).</summary>
    public abstract void Publish();
}

/// <inheritdoc cref="LedgerWrite"/>
internal sealed class LedgerWrite<T>(Func<LedgerWriteContext, T> run, CancellationToken cancellationToken) : LedgerWrite(cancellationToken)
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _succeeded;
    private T? _result;
    private Exception? _failure;
    private bool _canceled;

    public Task<T> Task => _completion.Task;

    public override void Execute(LedgerWriteContext context)
    {
        _result = run(context);
        _succeeded = true;
    }

    public override void Fail(Exception exception)
    {
        Reset();
        _failure = exception;
    }

    public override void Cancel()
    {
        Reset();
        _canceled = true;
    }

    public override void Reset()
    {
        _succeeded = false;
        _result = default;
        _failure = null;
        _canceled = false;
    }

    public override void Publish()
    {
        if (_succeeded)
            _completion.TrySetResult(_result!);
        else if (_canceled)
            _completion.TrySetCanceled(CancellationToken);
        else
            _completion.TrySetException(_failure ?? new InvalidOperationException("The ledger write did not run."));
    }
}
