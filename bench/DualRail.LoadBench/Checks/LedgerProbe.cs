using Microsoft.Data.Sqlite;

namespace DualRail.LoadBench.Checks;

/// <summary>Reads a server's SQLite ledger after a run: what was served and what was settled (read-only).</summary>
internal sealed class LedgerProbe(string ledgerPath)
{
    public long Served() => Count("SELECT count(*) FROM reservations WHERE state = 'served'");

    public long Receipts(string status) => Count($"SELECT count(*) FROM receipts WHERE status = '{status}'");

    /// <summary>Served Lightning payments whose invoice the ledger saw settled by LND.</summary>
    public long ServedWithSettledInvoice() => Count(
        "SELECT count(*) FROM reservations r JOIN invoices i ON r.single_use_key = 'ln:' || i.payment_hash WHERE r.state = 'served' AND i.settled_at IS NOT NULL");

    private long Count(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = ledgerPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
