namespace DualRail.Ledger;

/// <summary>The SQLite schema of <see cref="SqlitePaymentLedger"/>. Times are Unix milliseconds.</summary>
internal static class SqliteLedgerSchema
{
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS reservations (
            single_use_key TEXT PRIMARY KEY,
            resource_key   TEXT NOT NULL,
            state          TEXT NOT NULL CHECK (state IN ('reserved', 'served')),
            reserved_at    INTEGER NOT NULL,
            served_at      INTEGER
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS receipts (
            id              TEXT PRIMARY KEY,
            single_use_key  TEXT NOT NULL UNIQUE,
            rail            TEXT NOT NULL,
            resource_key    TEXT,
            network         TEXT NOT NULL,
            status          TEXT NOT NULL CHECK (status IN ('pending', 'settled', 'failed')),
            payload         TEXT,
            requirements    TEXT,
            payer           TEXT,
            attempts        INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER,
            lease_until     INTEGER,
            last_error      TEXT,
            tx              TEXT,
            error_reason    TEXT,
            created_at      INTEGER NOT NULL,
            settled_at      INTEGER
        );
        CREATE INDEX IF NOT EXISTS receipts_due ON receipts (next_attempt_at) WHERE status = 'pending';

        CREATE TABLE IF NOT EXISTS invoices (
            payment_hash TEXT PRIMARY KEY,
            resource_key TEXT NOT NULL,
            amount_msat  INTEGER NOT NULL CHECK (amount_msat > 0),
            network      TEXT NOT NULL,
            bolt11       TEXT NOT NULL,
            pay_to       TEXT NOT NULL,
            expires_at   INTEGER NOT NULL,
            settled_at   INTEGER,
            requirements TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS cursors (
            name  TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        ) WITHOUT ROWID;
        """;

    public const string ReceiptColumns =
        "id, status, rail, network, tx, payer, error_reason, single_use_key, resource_key, created_at, settled_at";
}
