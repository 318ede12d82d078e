namespace DualRail.Ledger;

/// <summary>How hard the SQLite ledger flushes a commit to disk (SQLite's <c>PRAGMA synchronous</c>, in WAL mode).</summary>
public enum LedgerSynchronousMode
{
    /// <summary>
    /// Every commit is flushed (fsync) before any caller is told it is done: a commit survives a power
    /// loss or an OS crash. The default. One flush covers a whole group of concurrent writes.
    /// </summary>
    Full,

    /// <summary>
    /// Commits are flushed at WAL checkpoints only: a commit survives a crash of the process but the
    /// last commits can be lost on a power loss or an OS crash (a served marker lost that way lets
    /// the payment be replayed; a queued settlement lost that way is never settled).
    /// </summary>
    Normal,
}
