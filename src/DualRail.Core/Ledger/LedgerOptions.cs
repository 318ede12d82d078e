namespace DualRail.Ledger;

/// <summary>Options bound from <c>DualRail:Ledger</c>.</summary>
public sealed class LedgerOptions
{
    public const string SectionName = "DualRail:Ledger";

    /// <summary>
    /// The SQLite database file (default <c>dualrail.db</c>, relative to the working directory).
    /// <c>:memory:</c> keeps the ledger in memory for the life of the process (tests only: nothing survives a restart).
    /// </summary>
    public string Path { get; set; } = "dualrail.db";

    /// <summary>
    /// How long a reservation that was neither served nor released (the process died mid-request)
    /// blocks its payment before the payment can be used again. Default 10 minutes.
    /// </summary>
    public TimeSpan ReservationTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How hard a commit is flushed to disk: <see cref="LedgerSynchronousMode.Full"/> (default: durable
    /// across a power loss) or <see cref="LedgerSynchronousMode.Normal"/> (faster; the last commits can be
    /// lost on a power loss or OS crash, never on a process crash).
    /// </summary>
    public LedgerSynchronousMode Synchronous { get; set; } = LedgerSynchronousMode.Full;
}
