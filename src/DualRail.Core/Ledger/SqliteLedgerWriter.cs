using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace DualRail.Ledger;

/// <summary>
/// The single writer of a <see cref="SqlitePaymentLedger"/> (group commit). Callers queue
/// <see cref="LedgerWrite"/>s; one thread with its own connection takes everything queued, runs it in
/// ONE transaction (a savepoint per write, so a failing write rolls back only itself and fails only its
/// caller), commits once (one flush for the whole group) and only then completes the callers.
/// </summary>
/// <remarks>
/// Another process (a second server, the CLI) may hold SQLite's write lock: <c>BEGIN IMMEDIATE</c> waits
/// for it (busy_timeout, then Microsoft.Data.Sqlite's own retry until the command timeout), and a group
/// whose transaction could not be opened or committed because the database was busy is run again from
/// the start; nothing is reported done before its commit. After <see cref="Complete"/> the queue is
/// drained, then the thread ends and further writes fail with <see cref="ObjectDisposedException"/>.
/// </remarks>
internal sealed class SqliteLedgerWriter : IDisposable, IAsyncDisposable
{
    private const int MaxGroupSize = 512;
    private const int MaxAttempts = 3;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    // A blocking queue: the writer thread wakes without needing a thread-pool thread (which a loaded server may lack).
    private readonly BlockingCollection<LedgerWrite> _queue = new(new ConcurrentQueue<LedgerWrite>());
    private readonly SqliteConnection _connection;
    private readonly LedgerWriteContext _context;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _commits;

    private SqliteLedgerWriter(SqliteConnection connection)
    {
        _connection = connection;
        _context = new LedgerWriteContext(connection);
        new Thread(Run) { IsBackground = true, Name = "DualRail ledger writer" }.Start();
    }

    /// <summary>Takes over an open connection (schema created) and starts the writer thread.</summary>
    public static SqliteLedgerWriter Start(SqliteConnection connection, LedgerSynchronousMode synchronous)
    {
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = $"PRAGMA synchronous = {(synchronous == LedgerSynchronousMode.Normal ? "NORMAL" : "FULL")}; PRAGMA busy_timeout = 5000;";
            pragma.ExecuteNonQuery();
        }
        return new SqliteLedgerWriter(connection);
    }

    /// <summary>Completes when the writer has drained its queue and closed its connection.</summary>
    public Task Stopped => _stopped.Task;

    /// <summary>Writes queued but not yet taken by the writer (for tests).</summary>
    internal int Queued => _queue.Count;

    /// <summary>Transactions committed so far (for tests: one per group).</summary>
    internal long Commits => Interlocked.Read(ref _commits);

    public Task<T> WriteAsync<T>(Func<LedgerWriteContext, T> run, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = new LedgerWrite<T>(run, cancellationToken);
        try
        {
            _queue.Add(write, CancellationToken.None);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ObjectDisposedException)
        {
            throw new ObjectDisposedException(nameof(SqlitePaymentLedger), exception);
        }
        return write.Task;
    }

    /// <summary>Accepts no more writes; the queued ones still run.</summary>
    public void Complete() => _queue.CompleteAdding();

    /// <summary>Completes the queue and waits until the writer has drained it and closed its connection.</summary>
    public void Dispose()
    {
        Complete();
        Stopped.GetAwaiter().GetResult();
    }

    /// <inheritdoc cref="Dispose"/>
    public async ValueTask DisposeAsync()
    {
        Complete();
        await Stopped;
    }

    private void Run()
    {
        var group = new List<LedgerWrite>(MaxGroupSize);
        try
        {
            while (_queue.TryTake(out var first, Timeout.Infinite))
            {
                group.Add(first);
                while (group.Count < MaxGroupSize && _queue.TryTake(out var next))
                    group.Add(next);
                RunGroup(group);
                foreach (var write in group)
                    write.Publish();
                group.Clear();
            }
        }
        finally
        {
            // Reached after the queue is completed and drained; anything left over (a fault above) fails, never hangs.
            _queue.CompleteAdding();
            var stopped = new ObjectDisposedException(nameof(SqlitePaymentLedger));
            foreach (var write in group)
            {
                write.Fail(stopped);
                write.Publish();
            }
            while (_queue.TryTake(out var write))
            {
                write.Fail(stopped);
                write.Publish();
            }
            _context.Dispose();
            _connection.Dispose();
            _stopped.TrySetResult();
        }
    }

    private void RunGroup(List<LedgerWrite> group)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                RunInOneTransaction(group);
                Interlocked.Increment(ref _commits);
                return;
            }
            catch (Exception exception)
            {
                RollBack();
                if (attempt < MaxAttempts && IsBusy(exception))
                    continue;
                // Nothing of the group was committed: every write reports the failure.
                foreach (var write in group)
                    write.Fail(exception);
                return;
            }
        }
    }

    private void RunInOneTransaction(List<LedgerWrite> group)
    {
        _context.Execute("BEGIN IMMEDIATE");
        foreach (var write in group)
        {
            write.Reset();
            if (write.CancellationToken.IsCancellationRequested)
            {
                write.Cancel();
                continue;
            }
            _context.Execute("SAVEPOINT ledger_write");
            try
            {
                write.Execute(_context);
                _context.Execute("RELEASE ledger_write");
            }
            catch (Exception exception) when (_context.InTransaction)
            {
                _context.Execute("ROLLBACK TO ledger_write");
                _context.Execute("RELEASE ledger_write");
                write.Fail(exception);
            }
        }
        _context.Execute("COMMIT");
    }

    private void RollBack()
    {
        if (!_context.InTransaction)
            return;
        try
        {
            _context.Execute("ROLLBACK");
        }
        catch (SqliteException)
        {
            // the transaction is gone already
        }
    }

    private static bool IsBusy(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked };
}
